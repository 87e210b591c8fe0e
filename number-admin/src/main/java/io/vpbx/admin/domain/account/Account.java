package io.vpbx.admin.domain.account;

import java.time.Instant;

/**
 * A business renting numbers: the tenant that owns every other resource. The contact phone (E.164) and
 * email are where security notices go; either may be absent.
 */
public record Account(String id, String name, Instant createdAt, String contactPhone, String contactEmail) {
    public static final int MAX_NAME_LENGTH = 200;

    /** An account without contact details. */
    public Account(String id, String name, Instant createdAt) {
        this(id, name, createdAt, null, null);
    }
}
