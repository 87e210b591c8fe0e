package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.domain.compliance.StateRegistry;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.SmsGateway;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.M2mDeviceStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.RegistryRequestStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.config.ComplianceConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Binds a number to exactly one responsible holder and files the registry request. Persons get a
 * one-time code on their contact phone to confirm; M2M devices wait for the operator's verification.
 * China's real-name quotas are counted per identity document across all accounts, by fingerprint.
 */
public final class BindingService {
    static final int CODE_ATTEMPTS = 5;

    /** A binding request: one of endUserId / m2mDeviceId, and the billing (postpaid or prepaid). */
    public record BindRequest(String endUserId, String m2mDeviceId, String billing) {
    }

    /** The binding with the registry request it caused. */
    public record Bound(Binding binding, RegistryRequest request) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final BindingStore bindings;
    private final RegistryRequestStore requests;
    private final EndUserStore endUsers;
    private final M2mDeviceStore devices;
    private final StateRegistry registry;
    private final SmsGateway sms;
    private final ConfirmationCodes codes;
    private final Auditor auditor;
    private final Clock clock;
    private final ComplianceConfig config;
    private final FilesOnRecord filesOnRecord;

    public BindingService(Transactions transactions, NumberStore numbers, BindingStore bindings, RegistryRequestStore requests,
                          EndUserStore endUsers, M2mDeviceStore devices, StateRegistry registry, SmsGateway sms,
                          ConfirmationCodes codes, FilesOnRecord filesOnRecord, Auditor auditor, Clock clock,
                          ComplianceConfig config) {
        this.filesOnRecord = filesOnRecord;
        this.transactions = transactions;
        this.numbers = numbers;
        this.bindings = bindings;
        this.requests = requests;
        this.endUsers = endUsers;
        this.devices = devices;
        this.registry = registry;
        this.sms = sms;
        this.codes = codes;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
    }

    public Bound bind(RequestContext ctx, String e164, BindRequest request) {
        String accountId = ctx.accountId();
        if ((request.endUserId() == null) == (request.m2mDeviceId() == null)) {
            throw new InvalidFieldException("end_user_id", "give exactly one of end_user_id or m2m_device_id");
        }
        return transactions.inTransaction(tx -> bindIn(tx, ctx, accountId, e164, request));
    }

    /** The binding inside the caller's transaction, for the number held by {@code accountId}. */
    public Bound bindIn(Tx tx, RequestContext ctx, String accountId, String e164, BindRequest request) throws SQLException {
        Binding.Billing billing = billing(request.billing());
        Instant now = clock.instant();
        NumberRecord number = numbers.lock(tx, List.of(e164)).stream().findFirst()
                .filter(r -> accountId.equals(r.accountId()) && r.state().isOwned())
                .orElseThrow(() -> new NotFoundException("number " + e164));
        Binding previous = bindings.find(tx, e164).orElse(null);
        String requestId = UUID.randomUUID().toString();
        Binding.HolderType type;
        String holderId;
        String fingerprint = null;
        String codeHash = null;
        String code = null;
        EndUser endUser = null;
        if (request.endUserId() != null) {
            endUser = endUsers.find(tx, accountId, request.endUserId())
                    .orElseThrow(() -> new InvalidFieldException("end_user_id", "no end user " + request.endUserId() + " in this account"));
            requireUsable(endUser);
            filesOnRecord.require(tx, endUser);
            fingerprint = endUser.documentFingerprint();
            checkQuota(tx, endUser, billing, e164);
            if (endUser.contactPhone() == null) {
                throw new InvalidFieldException("end_user_id", "the end user has no contact phone to receive the confirmation code");
            }
            type = Binding.HolderType.END_USER;
            holderId = endUser.id();
            code = codes.newCode();
            codeHash = codes.hash(requestId, code);
        } else {
            holderId = devices.find(tx, accountId, request.m2mDeviceId())
                    .orElseThrow(() -> new InvalidFieldException("m2m_device_id", "no M2M device " + request.m2mDeviceId() + " in this account"))
                    .id();
            type = Binding.HolderType.M2M_DEVICE;
        }
        RegistryRequest.Status status = registry.submit(new StateRegistry.Submission(requestId, e164, accountId, type, holderId, fingerprint));
        RegistryRequest filed = new RegistryRequest(requestId, accountId, e164, type, holderId, status, null, codeHash, CODE_ATTEMPTS, now,
                status.open() ? null : now);
        requests.create(tx, filed);
        Instant deadline = number.state() == NumberState.PENDING_COMPLIANCE && number.purchasedAt() != null
                ? number.purchasedAt().plus(config.confirmationDeadline()) : now.plus(config.confirmationDeadline());
        Binding binding = new Binding(e164, accountId, type, holderId, billing, fingerprint, requestId, Binding.Status.PENDING,
                deadline, now, null);
        bindings.put(tx, binding);
        if (code != null) {
            sms.send(tx, endUser.contactPhone(), "vpbx: code " + code + " confirms that you answer for number " + e164
                    + " (registry request " + requestId + "). If you did not agree, reject it.");
        }
        auditor.record(tx, ctx, accountId, previous == null ? "number.bound" : "number.rebound", "number", e164, new Changes()
                .field("binding", previous == null ? null : previous.holderType().wireName() + "/" + previous.holderId(),
                        type.wireName() + "/" + holderId)
                .field("billing", previous == null ? null : previous.billing().wireName(), billing.wireName())
                .field("registry_request", null, requestId + " " + status.wireName()).list());
        return new Bound(binding, filed);
    }

    private static void requireUsable(EndUser endUser) {
        if (endUser.anonymizedAt() != null) {
            throw new InvalidFieldException("end_user_id", "the end user's personal data was erased");
        }
        if (endUser.documentStatus() != DocumentStatus.VALID) {
            throw new ConflictException("the end user's identity document is " + endUser.documentStatus().wireName()
                    + "; fix it before binding numbers");
        }
    }

    private void checkQuota(Tx tx, EndUser endUser, Binding.Billing billing, String e164) throws SQLException {
        int limit;
        Binding.Billing counted;
        String what;
        if (endUser.jurisdiction() == Jurisdiction.CN) {
            limit = billing == Binding.Billing.POSTPAID ? config.cnMaxPostpaidPerDocument() : config.cnMaxPrepaidPerDocument();
            counted = billing;
            what = billing.wireName() + " numbers";
        } else {
            limit = config.ruMaxNumbersPerDocument();
            counted = null;
            what = "numbers";
        }
        if (limit == 0) {
            return;
        }
        int held = bindings.countByDocument(tx, endUser.documentFingerprint(), counted, e164);
        if (held >= limit) {
            throw new ConflictException("quota reached: one identity document may hold at most " + limit + " " + what
                    + " across all operators' accounts (" + endUser.jurisdiction() + " real-name rules); it holds " + held);
        }
    }

    private static Binding.Billing billing(String value) {
        if (value == null) {
            return Binding.Billing.POSTPAID;
        }
        try {
            return Binding.Billing.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("billing", "must be postpaid or prepaid, got '" + value + "'");
        }
    }

    public Binding get(RequestContext ctx, String e164) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> bindings.find(tx, e164))
                .filter(b -> b.accountId().equals(accountId))
                .orElseThrow(() -> new NotFoundException("binding of number " + e164));
    }
}
