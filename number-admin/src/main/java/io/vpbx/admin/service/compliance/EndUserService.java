package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.EndUserFields;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.compliance.IdentityDocuments.SealedDocument;
import io.vpbx.admin.service.contacts.ContactPhoneChanges;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's end users: the persons (employees, contractors) and, in China, organizations that answer
 * for its numbers. Identity documents are checked against the catalogue on the legal date of the end
 * user's jurisdiction and kept only sealed, fingerprinted and masked; a document number is never
 * returned, logged or audited ({@link EndUserAudit} shows it masked).
 */
public final class EndUserService implements ResourceService<EndUser, EndUserService.Draft> {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** An identity document as typed; {@link #toString()} never shows the number. */
    public record Document(String type, String number, LocalDate expiresOn) {
        @Override
        public String toString() {
            return "Document[type=" + type + ", number=" + (number == null ? null : "hidden") + ", expiresOn=" + expiresOn + "]";
        }
    }

    /** The person who acts for an organization. */
    public record Agent(String fullName, Document document) {
    }

    /** An end user as a request describes it; every field unchecked. */
    public record Draft(String kind, String relation, String jurisdiction, String fullName, LocalDate birthDate, String address,
                        String contactPhone, String contactEmail, Document document, Agent agent, String authorizationLetter,
                        Consents.Given consent) {
        /** A draft without a consent (a PATCH, or data collected before consents were recorded). */
        public Draft(String kind, String relation, String jurisdiction, String fullName, LocalDate birthDate, String address,
                     String contactPhone, String contactEmail, Document document, Agent agent, String authorizationLetter) {
            this(kind, relation, jurisdiction, fullName, birthDate, address, contactPhone, contactEmail, document, agent,
                    authorizationLetter, null);
        }
    }

    /** Records the consent given with the data, in the transaction that stores the data. */
    @FunctionalInterface
    public interface ConsentRecorder {
        void record(Tx tx, RequestContext ctx, EndUser endUser, Consents.Given consent) throws SQLException;
    }


    /** The verification authority's verdict on a document, brought by the operator. */
    public record StatusChange(String status, String reason) {
    }

    /** The checked fields other than the documents. */
    private record Particulars(EndUser.Relation relation, String fullName, LocalDate birthDate, String address,
                               String contactPhone, String contactEmail, String agentFullName, String authorizationLetter) {
    }

    private final AuditedResource<EndUser> resource;
    private final Transactions transactions;
    private final EndUserStore endUsers;
    private final InUseGuard inUse;
    private final NumberInputs inputs;
    private final IdentityDocuments documents;
    private final DocumentStatusListener statusListener;
    private final ConsentRecorder consents;
    private final Auditor auditor;
    private final Clock clock;

    public EndUserService(Transactions transactions, EndUserStore endUsers, InUseGuard inUse, NumberInputs inputs,
                          IdentityDocuments documents, DocumentStatusListener statusListener, ConsentRecorder consents,
                          Auditor auditor, Clock clock) {
        this.consents = consents;
        this.resource = new AuditedResource<>(transactions, endUsers, auditor, "end_user", "end user", EndUserAudit::changes);
        this.transactions = transactions;
        this.endUsers = endUsers;
        this.inUse = inUse;
        this.inputs = inputs;
        this.documents = documents;
        this.statusListener = statusListener;
        this.auditor = auditor;
        this.clock = clock;
    }

    public EndUser create(RequestContext ctx, Draft draft) {
        EndUser endUser = prepare(ctx.accountId(), draft);
        if (draft.consent() == null) {
            return resource.create(ctx, endUser.accountId(), endUser.id(), endUser, AuditedResource.Step.none());
        }
        return transactions.inTransaction(tx -> {
            resource.insert(tx, ctx, endUser.accountId(), endUser.id(), endUser);
            consents.record(tx, ctx, endUser, draft.consent());
            return endUser;
        });
    }

    /** Validates the draft and seals its documents: the end user as it would be stored in {@code accountId}. */
    public EndUser prepare(String accountId, Draft draft) {
        HolderKind kind = EndUserFields.kind("kind", draft.kind());
        Jurisdiction jurisdiction = EndUserFields.jurisdiction("jurisdiction", draft.jurisdiction());
        LocalDate today = today(jurisdiction);
        Particulars p = particulars(kind, jurisdiction, draft, today);
        SealedDocument document = document("document", jurisdiction, kind, draft.document(), today);
        SealedDocument agent = draft.agent() != null
                ? document("agent.document", jurisdiction, HolderKind.PERSON, draft.agent().document(), today) : null;
        Instant now = StoredTime.now(clock);
        EndUser endUser = new EndUser(UUID.randomUUID().toString(), accountId, kind, p.relation(), jurisdiction, p.fullName(),
                p.birthDate(), p.address(), p.contactPhone(), p.contactEmail(), document.type(), document.sealed(),
                document.fingerprint(), document.last4(), document.expiresOn(), DocumentStatus.VALID, null, p.agentFullName(),
                agent == null ? null : agent.type(), agent == null ? null : agent.sealed(), agent == null ? null : agent.last4(),
                agent == null ? null : agent.expiresOn(),
                p.authorizationLetter(), now, now, null, null);
        return endUser;
    }

    /** Stores a prepared end user inside the caller's transaction, audited. */
    public void insert(Tx tx, RequestContext ctx, EndUser endUser) throws SQLException {
        resource.insert(tx, ctx, endUser.accountId(), endUser.id(), endUser);
    }

    public EndUser get(RequestContext ctx, String endUserId) {
        return resource.get(ctx.accountId(), endUserId);
    }

    public List<EndUser> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    /**
     * Kind and jurisdiction are fixed at creation, and a contact phone once set changes only through one-time
     * codes ({@link ContactPhoneChanges}). A document or agent is replaced whole; a new document
     * makes the status valid again, and so does the same document with a new expiry date after it expired.
     * The operator's other verdicts (forged, unverifiable) stay until the document itself changes.
     */
    public EndUser update(RequestContext ctx, String endUserId, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one field");
        return resource.update(ctx, accountId, endUserId, before -> {
            requireNotAnonymized(before);
            Draft merged = merge(before, patch);
            EndUserFields.absent("consent", patch.values().consent(), "is given with POST /v1/end-users/{id}/consents");
            if (EndUserFields.kind("kind", merged.kind()) != before.kind()) {
                throw new InvalidFieldException("kind", "cannot change; create a new end user instead");
            }
            if (EndUserFields.jurisdiction("jurisdiction", merged.jurisdiction()) != before.jurisdiction()) {
                throw new InvalidFieldException("jurisdiction", "cannot change; create a new end user instead");
            }
            Jurisdiction jurisdiction = before.jurisdiction();
            LocalDate today = today(jurisdiction);
            Particulars p = particulars(before.kind(), jurisdiction, merged, today);
            if (before.contactPhone() != null && !before.contactPhone().equals(p.contactPhone())) {
                throw new InvalidFieldException("contact_phone", "once set, changes only through POST /v1/contact-phone-changes, "
                        + "with codes sent to the old and the new phone");
            }
            SealedDocument document = patch.sets("document")
                    ? document("document", jurisdiction, before.kind(), merged.document(), today) : null;
            SealedDocument agent = patch.sets("agent") && merged.agent() != null
                    ? document("agent.document", jurisdiction, HolderKind.PERSON, merged.agent().document(), today) : null;
            return withDocuments(before, p, document, agent);
        }, AuditedResource.Step.none(), (tx, before, after) -> {
            if (after.documentStatus() != before.documentStatus()) {
                statusListener.statusChanged(tx, before, after);
            }
        });
    }

    /** The operator records the verification authority's verdict on an end user of any account. */
    public EndUser setDocumentStatus(RequestContext ctx, String endUserId, StatusChange change) {
        ctx.requireOperator();
        DocumentStatus status = EndUserFields.documentStatus("status", change.status());
        String reason = EndUserFields.statusReason("reason", change.reason(), status);
        return transactions.inTransaction(tx -> {
            EndUser before = endUsers.lockInAnyAccount(tx, endUserId).orElseThrow(() -> resource.notFound(endUserId));
            requireNotAnonymized(before);
            if (before.documentStatus() == status && Objects.equals(before.documentStatusReason(), reason)) {
                return before;
            }
            EndUser after = before.withDocumentStatus(status, reason, StoredTime.now(clock));
            endUsers.update(tx, after);
            auditor.record(tx, ctx, before.accountId(), "end_user.document_status_changed", "end_user", endUserId,
                    EndUserAudit.changes(before, after));
            if (status != before.documentStatus()) {
                statusListener.statusChanged(tx, before, after);
            }
            return after;
        });
    }

    /**
     * Refused with 409 while a number is bound to the end user, and once one was: the data of a past
     * holder is kept for the retention period and then anonymized, not deleted.
     */
    public void delete(RequestContext ctx, String endUserId) {
        String accountId = ctx.accountId();
        resource.delete(ctx, accountId, endUserId, (tx, before, none) -> {
            inUse.requireUnused(tx, accountId, endUserId, "end user " + endUserId);
            if (before.lastNumberReleasedAt() != null && before.anonymizedAt() == null) {
                throw new ConflictException("end user " + endUserId + " held numbers until " + before.lastNumberReleasedAt()
                        + "; the law keeps a past holder's data for the retention period, after which it is anonymized");
            }
        });
    }

    private Particulars particulars(HolderKind kind, Jurisdiction jurisdiction, Draft d, LocalDate today) {
        String fullName = EndUserFields.fullName("full_name", d.fullName());
        String address = EndUserFields.address("address", d.address());
        String email = EndUserFields.contactEmail("contact_email", d.contactEmail());
        if (kind == HolderKind.PERSON) {
            // a person may act through an agent (an authorized representative): then the letter is required as for organizations
            String agentName = d.agent() == null ? null : EndUserFields.fullName("agent.full_name", d.agent().fullName());
            String letter = null;
            if (d.agent() == null) {
                EndUserFields.absent("authorization_letter", d.authorizationLetter(), "applies to a holder acting through an agent only");
            } else {
                letter = EndUserFields.authorizationLetter("authorization_letter", d.authorizationLetter());
            }
            return new Particulars(EndUserFields.relation("relation", d.relation()), fullName,
                    EndUserFields.birthDate("birth_date", d.birthDate(), today), address, inputs.one("contact_phone", d.contactPhone()),
                    email, agentName, letter);
        }
        if (jurisdiction != Jurisdiction.CN) {
            throw new InvalidFieldException("kind", "organizations may hold numbers in CN only; in " + jurisdiction
                    + " numbers are bound to a person");
        }
        EndUserFields.absent("relation", d.relation(), "applies to persons only");
        EndUserFields.absent("birth_date", d.birthDate(), "applies to persons only");
        if (d.agent() == null) {
            throw new InvalidFieldException("agent", "is required: an organization acts through an authorized agent");
        }
        String agentName = EndUserFields.fullName("agent.full_name", d.agent().fullName());
        String letter = EndUserFields.authorizationLetter("authorization_letter", d.authorizationLetter());
        String phone = d.contactPhone() == null ? null : inputs.one("contact_phone", d.contactPhone());
        return new Particulars(null, fullName, null, address, phone, email, agentName, letter);
    }

    private SealedDocument document(String field, Jurisdiction jurisdiction, HolderKind holder, Document typed, LocalDate today) {
        if (typed == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return documents.protect(field, jurisdiction, holder, typed.type(), typed.number(), typed.expiresOn(), today);
    }

    /** The patched end user; a re-sent document equal to the kept one keeps its sealed form. */
    private EndUser withDocuments(EndUser b, Particulars p, SealedDocument document, SealedDocument agent) {
        String type = b.documentType();
        String sealed = b.documentSealed();
        String fingerprint = b.documentFingerprint();
        String last4 = b.documentLast4();
        LocalDate expiresOn = b.documentExpiresOn();
        DocumentStatus status = b.documentStatus();
        String reason = b.documentStatusReason();
        if (document != null) {
            boolean replaced = !document.fingerprint().equals(b.documentFingerprint());
            if (replaced) {
                type = document.type();
                sealed = document.sealed();
                fingerprint = document.fingerprint();
                last4 = document.last4();
            }
            expiresOn = document.expiresOn();
            if (replaced || status == DocumentStatus.EXPIRED) {
                status = DocumentStatus.VALID;
                reason = null;
            }
        }
        String agentType = b.agentDocumentType();
        String agentSealed = b.agentDocumentSealed();
        String agentLast4 = b.agentDocumentLast4();
        LocalDate agentExpiresOn = agent != null ? agent.expiresOn() : b.agentDocumentExpiresOn();
        if (p.agentFullName() == null) {
            // the person no longer acts through an agent: nothing of the agent is kept
            agentType = null;
            agentSealed = null;
            agentLast4 = null;
            agentExpiresOn = null;
        }
        if (agent != null && (agentSealed == null
                || !agent.fingerprint().equals(documents.fingerprintOf(b.jurisdiction(), agentType, agentSealed)))) {
            agentType = agent.type();
            agentSealed = agent.sealed();
            agentLast4 = agent.last4();
        }
        if (agent != null && status == DocumentStatus.EXPIRED) {
            // a renewed agent's document ends an expiry as a renewed own document does; the daily check re-expires
            // the holder if another paper is still past its date
            status = DocumentStatus.VALID;
            reason = null;
        }
        return new EndUser(b.id(), b.accountId(), b.kind(), p.relation(), b.jurisdiction(), p.fullName(), p.birthDate(),
                p.address(), p.contactPhone(), p.contactEmail(), type, sealed, fingerprint, last4, expiresOn, status, reason,
                p.agentFullName(), agentType, agentSealed, agentLast4, agentExpiresOn, p.authorizationLetter(), b.createdAt(), StoredTime.now(clock),
                b.lastNumberReleasedAt(), b.anonymizedAt());
    }

    /** The stored end user in request terms, with the patched fields in place; documents only when the patch sends them. */
    private static Draft merge(EndUser b, Patch<Draft> patch) {
        Draft v = patch.values();
        Agent keptAgent = b.agentFullName() == null ? null : new Agent(b.agentFullName(), null);
        return new Draft(patch.sets("kind") ? v.kind() : b.kind().wireName(),
                patch.sets("relation") ? v.relation() : b.relation() == null ? null : EndUserFields.wireName(b.relation()),
                patch.sets("jurisdiction") ? v.jurisdiction() : b.jurisdiction().name(),
                patch.sets("full_name") ? v.fullName() : b.fullName(),
                patch.sets("birth_date") ? v.birthDate() : b.birthDate(),
                patch.sets("address") ? v.address() : b.address(),
                patch.sets("contact_phone") ? v.contactPhone() : b.contactPhone(),
                patch.sets("contact_email") ? v.contactEmail() : b.contactEmail(),
                patch.sets("document") ? v.document() : null,
                patch.sets("agent") ? v.agent() : keptAgent,
                patch.sets("authorization_letter") ? v.authorizationLetter() : b.authorizationLetter());
    }

    private static void requireNotAnonymized(EndUser endUser) {
        if (endUser.anonymizedAt() != null) {
            throw new ConflictException("end user " + endUser.id() + " was anonymized on " + endUser.anonymizedAt()
                    + "; its data is gone and cannot change");
        }
    }

    /** The date in force where the end user's numbers are: documents expire and people come of age by it. */
    private LocalDate today(Jurisdiction jurisdiction) {
        ZoneId zone = switch (jurisdiction) {
            case RU -> MOSCOW;
            case CN -> SHANGHAI;
        };
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
