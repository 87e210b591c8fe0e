package io.vpbx.admin.service.numbers;

import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.telephony.forwarding.Fallback;

/**
 * A change to a number's settings with JSON merge-patch meaning: a field that is set replaces the
 * value (null clears it), a field that is not set keeps it.
 */
public record SettingsPatch(boolean setsComment, String comment, boolean setsForwarding, Forwarding forwarding,
                            boolean setsFallback, Fallback fallback) {
    public static final int MAX_COMMENT_LENGTH = 1000;

    public boolean isEmpty() {
        return !setsComment && !setsForwarding && !setsFallback;
    }

    public NumberRecord applyTo(NumberRecord record) {
        return record.withSettings(setsComment ? comment : record.comment(),
                setsForwarding ? forwarding : record.forwarding(),
                setsFallback ? fallback : record.fallback());
    }
}
