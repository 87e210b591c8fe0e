package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.UnsupportedMediaTypeException;
import io.vpbx.admin.domain.compliance.DocumentExpiry;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.FileType;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Documents kept as files for an end user (an agent's authorization letter, scans of identity documents): the type is
 * told from the bytes, the bytes are sealed with the identity documents' key ring before they reach the database, and
 * only the owning account and the operator read them back. Neither the bytes nor a digest of them is ever logged or
 * audited: the audit names the file by id, purpose, type and size.
 */
public final class EndUserFiles {

    /** A file as uploaded; {@link #toString()} never shows the bytes. */
    public record Upload(String purpose, String expiresOn, String declaredType, byte[] content) {
        @Override
        public String toString() {
            return "Upload[purpose=" + purpose + ", expiresOn=" + expiresOn + ", bytes=" + content.length + "]";
        }
    }

    /** A file and its plain bytes, for the download only. */
    public record Download(DocumentFile file, byte[] content) {
        @Override
        public String toString() {
            return "Download[" + file + "]";
        }
    }

    private final Transactions transactions;
    private final EndUserStore endUsers;
    private final DocumentFileStore files;
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;
    private final DocumentStatusListener statusListener;
    private final Auditor auditor;
    private final Clock clock;
    private final long maxBytes;

    /** {@code maxBytes}: the largest file accepted (compliance.max-document-file-size), checked by the API before this. */
    public EndUserFiles(Transactions transactions, EndUserStore endUsers, DocumentFileStore files, Supplier<KeyRing> keyRing,
                        SecureRandom random, DocumentStatusListener statusListener, Auditor auditor, Clock clock, long maxBytes) {
        this.maxBytes = maxBytes;
        this.transactions = transactions;
        this.endUsers = endUsers;
        this.files = files;
        this.keyRing = keyRing;
        this.random = random;
        this.statusListener = statusListener;
        this.auditor = auditor;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a file for an end user of the caller's account. A new authorization letter that makes every paper current
     * again ends an expiry suspension, as a renewed document does.
     */
    public DocumentFile upload(RequestContext ctx, String endUserId, Upload upload) {
        String accountId = ctx.accountId();
        DocumentFile.Purpose purpose = DocumentFile.Purpose.of(upload.purpose()).orElseThrow(() ->
                new InvalidFieldException("purpose", "must be one of " + DocumentFile.Purpose.allowed()));
        if (upload.content().length > maxBytes) {
            throw new InvalidFieldException("file", "is over " + maxBytes + " bytes (compliance.max-document-file-size)");
        }
        FileType type = type(upload);
        LocalDate expiresOn = date("expires_on", upload.expiresOn());
        DocumentCipher.SealedBytes sealed = new DocumentCipher(keyRing.get(), random).sealBytes(upload.content());
        return transactions.inTransaction(tx -> {
            EndUser before = endUsers.lock(tx, accountId, endUserId).orElseThrow(() -> new NotFoundException("end user " + endUserId));
            if (before.anonymizedAt() != null) {
                throw new ConflictException("end user " + endUserId + " was anonymized; its documents are gone");
            }
            LocalDate today = before.jurisdiction().today(clock);
            checkExpiry(purpose, expiresOn, today);
            if (purpose != DocumentFile.Purpose.DOCUMENT_SCAN && before.agentFullName() == null) {
                throw new InvalidFieldException("purpose", purpose.wireName() + " applies to an end user acting through an agent");
            }
            DocumentFile file = new DocumentFile(UUID.randomUUID().toString(), accountId, endUserId, purpose, type,
                    upload.content().length, sealed.keyId(), sealed.payload(), expiresOn, StoredTime.now(clock));
            files.create(tx, file);
            auditor.record(tx, ctx, accountId, "end_user.file_added", "end_user", endUserId, new Changes()
                    .field("file", null, file.id())
                    .field("purpose", null, purpose.wireName())
                    .field("content_type", null, type.mediaType())
                    .field("size_bytes", null, Integer.toString(file.sizeBytes()))
                    .field("expires_on", null, expiresOn == null ? null : expiresOn.toString()).list());
            if (purpose == DocumentFile.Purpose.AUTHORIZATION_LETTER && before.documentStatus() == DocumentStatus.EXPIRED
                    && DocumentExpiry.of(before, expiresOn).expiredOn(today).isEmpty()) {
                EndUser after = before.withDocumentStatus(DocumentStatus.VALID, null, StoredTime.now(clock));
                endUsers.update(tx, after);
                statusListener.statusChanged(tx, before, after);
            }
            return file;
        });
    }

    /** The end user's files without their bytes: the owning account's, or any for the operator. */
    public List<DocumentFile> list(RequestContext ctx, String endUserId) {
        return transactions.inTransaction(tx -> {
            visible(tx, ctx, endUserId);
            return files.list(tx, endUserId);
        });
    }

    /** One file's bytes, opened; each read is audited, for the account to see who looked at its people's papers. */
    public Download download(RequestContext ctx, String endUserId, String fileId) {
        return transactions.inTransaction(tx -> {
            EndUser owner = visible(tx, ctx, endUserId);
            DocumentFile file = files.find(tx, endUserId, fileId).orElseThrow(() -> new NotFoundException("file " + fileId));
            byte[] content = new DocumentCipher(keyRing.get(), random).openBytes(new DocumentCipher.SealedBytes(file.keyId(), file.sealed()));
            auditor.record(tx, ctx, owner.accountId(), "end_user.file_read", "end_user", endUserId,
                    new Changes().field("file", null, file.id()).list());
            return new Download(file, content);
        });
    }

    private EndUser visible(Tx tx, RequestContext ctx, String endUserId) throws SQLException {
        return (ctx.principal().isOperator() ? endUsers.lockInAnyAccount(tx, endUserId) : endUsers.find(tx, ctx.accountId(), endUserId))
                .orElseThrow(() -> new NotFoundException("end user " + endUserId));
    }

    /** The type the bytes show; a declared Content-Type of another accepted type is refused as a mislabelled file. */
    private static FileType type(Upload upload) {
        FileType found = FileType.detect(upload.content()).orElseThrow(() -> new UnsupportedMediaTypeException("file",
                "must be a PDF, PNG or JPEG file (told by its first bytes)"));
        FileType declared = FileType.ofMediaType(upload.declaredType()).orElse(found);
        if (declared != found) {
            throw new UnsupportedMediaTypeException("file", "is declared " + declared.mediaType() + " but is " + found.mediaType());
        }
        return found;
    }

    private static void checkExpiry(DocumentFile.Purpose purpose, LocalDate expiresOn, LocalDate today) {
        if (purpose == DocumentFile.Purpose.AUTHORIZATION_LETTER && expiresOn == null) {
            throw new InvalidFieldException("expires_on", "is required: an authorization letter is valid until a date");
        }
        if (expiresOn != null && expiresOn.isBefore(today)) {
            throw new InvalidFieldException("expires_on", "the document expired on " + expiresOn);
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date like 2027-06-30");
        }
    }
}
