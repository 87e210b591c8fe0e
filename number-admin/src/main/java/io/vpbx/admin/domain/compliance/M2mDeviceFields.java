package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import java.util.Arrays;

/**
 * The rules for an M2M device's fields as they arrive in a request, each naming the field when broken;
 * the IMEI and serial number are checked by {@link io.vpbx.admin.domain.identity.Imei} and
 * {@link io.vpbx.admin.domain.identity.SerialNumber}.
 */
public final class M2mDeviceFields {
    public static final int MAX_MODEL_LENGTH = 200;
    public static final int MAX_ADDRESS_LENGTH = 500;

    private M2mDeviceFields() {
    }

    public static M2mDevice.DeviceType type(String field, String value) {
        for (M2mDevice.DeviceType type : M2mDevice.DeviceType.values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new InvalidFieldException(field, "must be one of "
                + Arrays.stream(M2mDevice.DeviceType.values()).map(M2mDevice.DeviceType::wireName).toList());
    }

    /** 1..200 characters after trimming. */
    public static String model(String field, String value) {
        return FreeText.present(field, value, MAX_MODEL_LENGTH);
    }

    /** Where the equipment works, 1..500 characters after trimming: what the registry records for it. */
    public static String installationAddress(String field, String value) {
        return FreeText.present(field, value, MAX_ADDRESS_LENGTH);
    }
}
