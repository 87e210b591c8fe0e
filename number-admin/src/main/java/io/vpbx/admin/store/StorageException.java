package io.vpbx.admin.store;

/** A database failure that is not the caller's fault; the API answers 503 and the change is rolled back. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
