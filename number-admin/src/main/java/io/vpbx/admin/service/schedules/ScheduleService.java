package io.vpbx.admin.service.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.schedule.SavedSchedule;
import io.vpbx.admin.domain.schedule.ScheduleHoursCodec;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.ScheduleStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.telephony.schedule.DateException;
import io.vpbx.telephony.schedule.Schedule;
import io.vpbx.telephony.schedule.TimeRange;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An account's schedules: weekly hours in an IANA zone with holidays and one-off dates. Every change is audited as
 * "schedule.created/updated/deleted" (which also tells the SIP side's routing table); a delete is refused with 409
 * while something of the account uses the schedule ({@link InUseGuard}: numbers' forwardings, scenarios when they come).
 */
public final class ScheduleService implements ResourceService<SavedSchedule, ScheduleService.Draft> {
    public static final String RESOURCE_TYPE = "schedule";

    /** A schedule as a request describes it, every field unchecked; week and exceptions as the request's JSON. */
    public record Draft(String name, String timeZone, JsonNode week, JsonNode exceptions) {
    }

    private final AuditedResource<SavedSchedule> resource;
    private final ScheduleHoursCodec codec;
    private final InUseGuard inUse;
    private final Clock clock;

    public ScheduleService(Transactions transactions, ScheduleStore schedules, ScheduleHoursCodec codec, InUseGuard inUse,
                           Auditor auditor, Clock clock) {
        this.codec = codec;
        this.resource = new AuditedResource<>(transactions, schedules, auditor, RESOURCE_TYPE, "schedule", this::changes);
        this.inUse = inUse;
        this.clock = clock;
    }

    @Override
    public SavedSchedule create(RequestContext ctx, Draft draft) {
        String accountId = ctx.accountId();
        Instant now = StoredTime.now(clock);
        Schedule schedule = new Schedule(UUID.randomUUID().toString(), accountId, name(draft.name()),
                codec.readZone("time_zone", draft.timeZone()), codec.readWeek("week", draft.week()),
                codec.readExceptions("exceptions", draft.exceptions()));
        SavedSchedule created = new SavedSchedule(schedule, now, now);
        return resource.create(ctx, accountId, created.id(), created, AuditedResource.Step.none());
    }

    @Override
    public SavedSchedule get(RequestContext ctx, String id) {
        return resource.get(ctx.accountId(), id);
    }

    @Override
    public List<SavedSchedule> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    /** A merge-patch: the fields present replace the stored ones (week and exceptions as a whole). */
    @Override
    public SavedSchedule update(RequestContext ctx, String id, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one of name, time_zone, week, exceptions");
        Draft v = patch.values();
        String name = patch.sets("name") ? name(v.name()) : null;
        ZoneId zone = patch.sets("time_zone") ? codec.readZone("time_zone", v.timeZone()) : null;
        Map<DayOfWeek, List<TimeRange>> week = patch.sets("week") ? codec.readWeek("week", v.week()) : null;
        List<DateException> exceptions = patch.sets("exceptions") ? codec.readExceptions("exceptions", v.exceptions()) : null;
        return resource.update(ctx, accountId, id, before -> {
            Schedule old = before.schedule();
            return new SavedSchedule(new Schedule(id, accountId, name == null ? old.name() : name, zone == null ? old.zone() : zone,
                    week == null ? old.week() : week, exceptions == null ? old.exceptions() : exceptions),
                    before.createdAt(), StoredTime.now(clock));
        }, AuditedResource.Step.none(), AuditedResource.Step.none());
    }

    /** Refused with 409 naming the users while a number's forwarding (or, later, a scenario) follows the schedule. */
    @Override
    public void delete(RequestContext ctx, String id) {
        resource.deleteUnused(ctx, ctx.accountId(), id, inUse);
    }

    private static String name(String value) {
        if (value == null) {
            throw new InvalidFieldException("name", "is required");
        }
        return FreeText.required("name", value, SavedSchedule.MAX_NAME_LENGTH);
    }

    /** The field-level audit of a change; {@code null} stands for "did not exist". */
    private List<FieldChange> changes(SavedSchedule before, SavedSchedule after) {
        Schedule b = before == null ? null : before.schedule();
        Schedule a = after == null ? null : after.schedule();
        return new Changes()
                .field("name", b == null ? null : b.name(), a == null ? null : a.name())
                .field("time_zone", b == null ? null : b.zone().getId(), a == null ? null : a.zone().getId())
                .field("week", b == null ? null : codec.writeWeek(b.week()), a == null ? null : codec.writeWeek(a.week()))
                .field("exceptions", b == null ? null : codec.writeExceptions(b.exceptions()),
                        a == null ? null : codec.writeExceptions(a.exceptions()))
                .list();
    }
}
