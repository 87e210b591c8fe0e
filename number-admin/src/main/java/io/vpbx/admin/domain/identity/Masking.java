package io.vpbx.admin.domain.identity;

/**
 * How a document number, IMEI or serial is shown to people and written to logs: everything but its
 * tail is replaced by asterisks, one for each character.
 */
public final class Masking {

    private static final int SHOWN = 4;

    private Masking() {
    }

    /**
     * "4508123456" becomes "******3456". Values of 2 to 4 characters show only their last one
     * ("1234" becomes "***4"), a single character is not shown at all ("*"), "" stays "": a short
     * value is never shown whole.
     */
    public static String lastFour(String value) {
        int length = value.length();
        int shown = length > SHOWN ? SHOWN : length > 1 ? 1 : 0;
        return "*".repeat(length - shown) + value.substring(length - shown);
    }
}
