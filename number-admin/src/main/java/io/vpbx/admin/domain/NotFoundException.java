package io.vpbx.admin.domain;

/** A resource that does not exist for the caller; another account's resources are reported the same way. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
