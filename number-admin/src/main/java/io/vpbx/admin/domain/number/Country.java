package io.vpbx.admin.domain.number;

/** A country whose numbers vpbx serves, with its ITU-T E.164 calling code. */
public enum Country {
    RU("7"),
    CN("86");

    private final String callingCode;

    Country(String callingCode) {
        this.callingCode = callingCode;
    }

    /** The calling code without '+', e.g. "7" or "86". */
    public String callingCode() {
        return callingCode;
    }
}
