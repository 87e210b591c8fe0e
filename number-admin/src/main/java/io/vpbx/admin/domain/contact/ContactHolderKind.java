package io.vpbx.admin.domain.contact;

import java.util.Arrays;

/** Whose contact phone a change is about: the account (the business itself) or one of its end users. */
public enum ContactHolderKind {
    ACCOUNT("account"),
    END_USER("end_user");

    private final String wireName;

    ContactHolderKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ContactHolderKind fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown contact holder: " + value));
    }
}
