package io.vpbx.admin.service;

/** An authenticated caller asking for something its role does not allow (answered 403). */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
