package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingSchedule;
import io.vpbx.admin.domain.forwarding.ForwardingTarget;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.ScenarioStore;
import io.vpbx.admin.store.ScheduleStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.domain.voicemail.Recipient;
import io.vpbx.telephony.forwarding.Fallback;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks that a forwarding target refers to something that exists: the account's own employee,
 * department or scenario, or a number in service on the platform (not the number itself) that is the account's own or
 * whose holder allows this account to forward to it. Any other number (another account's without consent,
 * one on sale in the catalog, one that does not exist) gets the same answer, so nothing is learnt about it.
 * Likewise a fallback's recorded message or greeting must be in the account's own media library: another
 * account's clip is answered as one that does not exist.
 */
public final class ForwardingReferences {
    private final EmployeeStore employees;
    private final DepartmentStore departments;
    private final NumberStore numbers;
    private final ForwardingConsentStore consents;
    private final MediaStore media;
    private final ScenarioStore scenarios;
    private final ScheduleStore schedules;

    public ForwardingReferences(EmployeeStore employees, DepartmentStore departments, NumberStore numbers,
                                ForwardingConsentStore consents, MediaStore media, ScenarioStore scenarios,
                                ScheduleStore schedules) {
        this.scenarios = scenarios;
        this.schedules = schedules;
        this.employees = employees;
        this.departments = departments;
        this.numbers = numbers;
        this.consents = consents;
        this.media = media;
    }

    /**
     * The fallback's media (a voice message's clip, a voicemail's greeting) must be in the account's library, and a
     * voicemail's employee recipients must be employees of the account.
     */
    public void checkFallback(Tx tx, String accountId, String field, Fallback fallback) throws SQLException {
        if (fallback instanceof Fallback.VoiceMessage message) {
            requireMedia(tx, accountId, field + ".media_id", message.mediaId());
        }
        if (fallback instanceof Fallback.Voicemail voicemail) {
            if (voicemail.greetingMediaId() != null) {
                requireMedia(tx, accountId, field + ".greeting_media_id", voicemail.greetingMediaId());
            }
            requireRecipients(tx, accountId, field, voicemail);
        }
    }

    private void requireMedia(Tx tx, String accountId, String field, String mediaId) throws SQLException {
        if (!media.exists(tx, accountId, mediaId)) {
            throw new InvalidFieldException(field, "no media " + mediaId + " in this account's library (upload it to /v1/media)");
        }
    }

    /**
     * A forwarding's target, and when it follows a schedule, the schedule (the account's own) and the closed-hours
     * target; {@code field} names the forwarding.
     */
    public void check(Tx tx, String accountId, String forNumber, String field, Forwarding forwarding) throws SQLException {
        check(tx, accountId, forNumber, field + ".target", forwarding.target());
        ForwardingSchedule schedule = forwarding.schedule();
        if (schedule == null) {
            return;
        }
        if (!schedules.exists(tx, accountId, schedule.scheduleId())) {
            throw new InvalidFieldException(field + ".schedule.schedule_id", "no schedule " + schedule.scheduleId()
                    + " in this account (create it at /v1/schedules)");
        }
        if (schedule.closedTarget() != null) {
            check(tx, accountId, forNumber, field + ".schedule.closed.target", schedule.closedTarget());
        }
    }

    public void check(Tx tx, String accountId, String forNumber, String field, ForwardingTarget target) throws SQLException {
        if (target instanceof ForwardingTarget.Employee e && !employees.exists(tx, accountId, e.employeeId())) {
            throw new InvalidFieldException(field + ".employee_id", "no employee " + e.employeeId() + " in this account");
        }
        if (target instanceof ForwardingTarget.Department d && !departments.exists(tx, accountId, d.departmentId())) {
            throw new InvalidFieldException(field + ".department_id", "no department " + d.departmentId() + " in this account");
        }
        if (target instanceof ForwardingTarget.Scenario s && !scenarios.exists(tx, accountId, s.scenarioId())) {
            throw new InvalidFieldException(field + ".scenario_id", "no scenario " + s.scenarioId() + " in this account");
        }
        if (target instanceof ForwardingTarget.PlatformPbx p) {
            if (p.number().equals(forNumber)) {
                throw new InvalidFieldException(field + ".number", "a number cannot forward to itself");
            }
            if (!reachable(tx, accountId, p.number())) {
                throw new InvalidFieldException(field + ".number", p.number()
                        + " is neither a number of this account in service nor one whose holder allows this account to forward to it");
            }
        }
    }

    private void requireRecipients(Tx tx, String accountId, String field, Fallback.Voicemail voicemail) throws SQLException {
        List<String> recipients = voicemail.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            if (Recipient.parse(recipients.get(i)) instanceof Recipient.Employee e && !employees.exists(tx, accountId, e.employeeId())) {
                throw new InvalidFieldException(field + ".recipients[" + i + "]", "no employee " + e.employeeId() + " in this account");
            }
        }
    }

    private boolean reachable(Tx tx, String accountId, String e164) throws SQLException {
        NumberRecord target = numbers.find(tx, e164).orElse(null);
        if (target == null || !target.state().isOwned() || target.accountId() == null) {
            return false;
        }
        return target.accountId().equals(accountId) || consents.allows(tx, e164, target.accountId(), accountId);
    }
}
