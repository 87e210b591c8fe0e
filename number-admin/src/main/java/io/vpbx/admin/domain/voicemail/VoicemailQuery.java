package io.vpbx.admin.domain.voicemail;

import java.time.Instant;
import java.util.Objects;

/**
 * One page of an account's voicemails, newest first. Every filter is optional (null): the called number, the caller
 * (exact), started at or after {@code from} and before {@code to}, heard or not; {@code before} is the cursor.
 */
public record VoicemailQuery(String accountId, String number, String caller, Instant from, Instant to, Boolean heard,
                             Position before, int limit) {

    /** Where a page ended: the last message's start and id (ids break ties of equal starts). */
    public record Position(Instant startedAt, String id) {
        public Position {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(id, "id");
        }
    }

    public VoicemailQuery {
        Objects.requireNonNull(accountId, "accountId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
