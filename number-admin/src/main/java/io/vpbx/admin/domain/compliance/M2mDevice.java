package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireName;
import java.time.Instant;

/** Equipment a number may be bound to instead of a person; reported to the registry and verified by the operator. */
public record M2mDevice(String id, String accountId, DeviceType type, String model, String serialNumber, String imei,
                        String installationAddress, Instant createdAt, Instant updatedAt) {

    public enum DeviceType implements WireName {
        PAYMENT_TERMINAL,
        CASH_REGISTER,
        MODEM,
        TRACKER,
        OTHER
    }
}
