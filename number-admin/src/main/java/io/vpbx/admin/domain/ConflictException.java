package io.vpbx.admin.domain;

import java.util.List;

/**
 * A request that contradicts the current state (answered 409), with the items that stand in the way and, when one
 * field of the request is the cause (a value already taken), that field.
 */
public final class ConflictException extends RuntimeException {
    private final List<String> blockers;
    private final String field;

    public ConflictException(String message, List<String> blockers) {
        this(message, blockers, null);
    }

    public ConflictException(String message, List<String> blockers, String field) {
        super(message);
        this.blockers = List.copyOf(blockers);
        this.field = field;
    }

    /** The request's field that conflicts, or null. */
    public String field() {
        return field;
    }

    public ConflictException(String message) {
        this(message, List.of());
    }

    public List<String> blockers() {
        return blockers;
    }
}
