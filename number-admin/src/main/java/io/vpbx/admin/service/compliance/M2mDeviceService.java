package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.compliance.M2mDeviceFields;
import io.vpbx.admin.domain.identity.Imei;
import io.vpbx.admin.domain.identity.SerialNumber;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.M2mDeviceStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account's M2M equipment: what a number is bound to when no person answers for it. */
public final class M2mDeviceService implements ResourceService<M2mDevice, M2mDeviceService.Draft> {

    /** A device as a request describes it; every field unchecked. */
    public record Draft(String type, String model, String serialNumber, String imei, String installationAddress) {
    }


    private final AuditedResource<M2mDevice> resource;
    private final InUseGuard inUse;
    private final Clock clock;

    public M2mDeviceService(Transactions transactions, M2mDeviceStore devices, InUseGuard inUse, Auditor auditor, Clock clock) {
        this.resource = new AuditedResource<>(transactions, devices, auditor, "m2m_device", "m2m device", M2mDeviceService::changes);
        this.inUse = inUse;
        this.clock = clock;
    }

    public M2mDevice create(RequestContext ctx, Draft draft) {
        String accountId = ctx.accountId();
        Instant now = StoredTime.now(clock);
        M2mDevice device = checked(UUID.randomUUID().toString(), accountId, draft, now, now);
        return resource.create(ctx, accountId, device.id(), device, AuditedResource.Step.none());
    }

    public M2mDevice get(RequestContext ctx, String deviceId) {
        return resource.get(ctx.accountId(), deviceId);
    }

    public List<M2mDevice> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    public M2mDevice update(RequestContext ctx, String deviceId, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one of type, model, serial_number, imei, installation_address");
        Draft v = patch.values();
        return resource.update(ctx, accountId, deviceId, before -> {
            Draft merged = new Draft(patch.sets("type") ? v.type() : before.type().wireName(),
                    patch.sets("model") ? v.model() : before.model(),
                    patch.sets("serial_number") ? v.serialNumber() : before.serialNumber(),
                    patch.sets("imei") ? v.imei() : before.imei(),
                    patch.sets("installation_address") ? v.installationAddress() : before.installationAddress());
            return checked(deviceId, accountId, merged, before.createdAt(), StoredTime.now(clock));
        }, AuditedResource.Step.none(), AuditedResource.Step.none());
    }

    /** Refused with 409 while a number is bound to the device. */
    public void delete(RequestContext ctx, String deviceId) {
        String accountId = ctx.accountId();
        resource.deleteUnused(ctx, accountId, deviceId, inUse);
    }

    /** Equipment is known to the registry by its IMEI or its serial number: at least one is needed. */
    private static M2mDevice checked(String id, String accountId, Draft d, Instant createdAt, Instant updatedAt) {
        M2mDevice.DeviceType type = M2mDeviceFields.type("type", d.type());
        String model = M2mDeviceFields.model("model", d.model());
        String serial = d.serialNumber() == null ? null : SerialNumber.of("serial_number", d.serialNumber());
        String imei = d.imei() == null ? null : Imei.of("imei", d.imei());
        if (serial == null && imei == null) {
            throw new InvalidFieldException("imei", "give the imei or the serial_number (or both): the registry knows equipment by them");
        }
        String address = M2mDeviceFields.installationAddress("installation_address", d.installationAddress());
        return new M2mDevice(id, accountId, type, model, serial, imei, address, createdAt, updatedAt);
    }

    /** The field-level audit of a change; {@code null} stands for "did not exist". */
    private static List<FieldChange> changes(M2mDevice before, M2mDevice after) {
        return new Changes()
                .field("type", before == null ? null : before.type().wireName(), after == null ? null : after.type().wireName())
                .field("model", before == null ? null : before.model(), after == null ? null : after.model())
                .field("serial_number", before == null ? null : before.serialNumber(), after == null ? null : after.serialNumber())
                .field("imei", before == null ? null : before.imei(), after == null ? null : after.imei())
                .field("installation_address", before == null ? null : before.installationAddress(),
                        after == null ? null : after.installationAddress())
                .list();
    }
}
