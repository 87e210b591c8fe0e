package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.WireNames;
import java.time.Instant;

/** Equipment a number may be bound to instead of a person; reported to the registry and verified by the operator. */
public record M2mDevice(String id, String accountId, DeviceType type, String model, String serialNumber, String imei,
                        String installationAddress, Instant createdAt, Instant updatedAt) {

    public enum DeviceType {
        PAYMENT_TERMINAL,
        CASH_REGISTER,
        MODEM,
        TRACKER,
        OTHER;

        public String wireName() {
            return WireNames.of(this);
        }
    }
}
