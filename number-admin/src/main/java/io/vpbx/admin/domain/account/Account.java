package io.vpbx.admin.domain.account;

import java.time.Instant;

/** A business renting numbers: the tenant that owns every other resource. */
public record Account(String id, String name, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;
}
