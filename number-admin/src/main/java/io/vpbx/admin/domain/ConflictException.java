package io.vpbx.admin.domain;

import java.util.List;

/** A request that contradicts the current state (answered 409), with the items that stand in the way. */
public final class ConflictException extends RuntimeException {
    private final List<String> blockers;

    public ConflictException(String message, List<String> blockers) {
        super(message);
        this.blockers = List.copyOf(blockers);
    }

    public ConflictException(String message) {
        this(message, List.of());
    }

    public List<String> blockers() {
        return blockers;
    }
}
