package io.vpbx.admin.service.accounts;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.account.StoredApiKey;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.ApiKeyStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An account's API keys (ADR 0011): several, named, optionally expiring; revoked at once or rotated with an
 * overlap during which the old key keeps working. An account sees and manages only its own keys; the operator
 * manages its own and may list, issue and revoke any account's. Secrets are shown once, when issued.
 */
public final class ApiKeyService {
    /** How long a rotated key keeps working unless the caller says otherwise: a day to roll the new one out. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(1);
    public static final Duration MAX_OVERLAP = Duration.ofDays(30);

    /** A key just issued: its secret is in {@code secret} and nowhere else. */
    public record IssuedKey(StoredApiKey key, String secret) {
        @Override
        public String toString() {
            return "IssuedKey[" + key + "]";
        }
    }

    /** The new key of a rotation and the old one with its shortened expiry. */
    public record Rotation(IssuedKey issued, StoredApiKey previous) {
    }

    private final Transactions transactions;
    private final ApiKeyStore keys;
    private final AccountStore accounts;
    private final ApiKeys generator;
    private final Authenticator authenticator;
    private final Auditor auditor;
    private final Clock clock;

    public ApiKeyService(Transactions transactions, ApiKeyStore keys, AccountStore accounts, ApiKeys generator,
                         Authenticator authenticator, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.accounts = accounts;
        this.generator = generator;
        this.authenticator = authenticator;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The caller's keys; the operator names an account to see its keys, or none for the operator's own. */
    public List<StoredApiKey> list(RequestContext ctx, String accountId) {
        String owner = owner(ctx, accountId);
        return transactions.inTransaction(tx -> keys.list(tx, owner));
    }

    public StoredApiKey get(RequestContext ctx, String keyId) {
        return transactions.inTransaction(tx -> visible(tx, ctx, keyId));
    }

    /** Issues a key to the caller, or, by the operator, to the account named. */
    public IssuedKey issue(RequestContext ctx, String accountId, String name, Instant expiresAt) {
        String owner = owner(ctx, accountId);
        String checkedName = name(name);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expires_at", "must be in the future");
        }
        return transactions.inTransaction(tx -> {
            if (owner != null && accounts.find(tx, owner).isEmpty()) {
                throw new InvalidFieldException("account_id", "no account " + owner);
            }
            return issue(tx, ctx, owner, checkedName, now, expiresAt);
        });
    }

    /** Revokes the key at once: the next request with it gets 401. */
    public void revoke(RequestContext ctx, String keyId) {
        transactions.inTransaction(tx -> {
            StoredApiKey key = visible(tx, ctx, keyId);
            if (keys.revoke(tx, keyId, clock.instant())) {
                auditor.record(tx, ctx, key.accountId(), "api_key.revoked", "api_key", keyId,
                        new Changes().field("revoked_at", null, clock.instant().toString()).list());
            }
            return null;
        });
        authenticator.forget(keyId);
    }

    /**
     * Issues a new key with the old one's name and owner, and lets the old one work only for {@code overlap} more
     * (never longer than it would have anyway).
     */
    public Rotation rotate(RequestContext ctx, String keyId, Duration overlap) {
        Duration keep = overlap == null ? DEFAULT_OVERLAP : overlap;
        if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidFieldException("overlap_seconds", "must be 0.." + MAX_OVERLAP.toSeconds());
        }
        Instant now = clock.instant();
        Rotation rotation = transactions.inTransaction(tx -> {
            StoredApiKey old = visible(tx, ctx, keyId);
            if (!old.activeAt(now)) {
                throw new InvalidFieldException("id", "key " + keyId + " is revoked or expired; issue a new one instead");
            }
            IssuedKey issued = issue(tx, ctx, old.accountId(), old.name(), now, null);
            keys.expireBy(tx, keyId, now.plus(keep));
            StoredApiKey previous = keys.find(tx, keyId).orElseThrow();
            auditor.record(tx, ctx, old.accountId(), "api_key.rotated", "api_key", keyId, new Changes()
                    .field("expires_at", old.expiresAt() == null ? null : old.expiresAt().toString(), previous.expiresAt().toString())
                    .field("replaced_by", null, issued.key().id()).list());
            return new Rotation(issued, previous);
        });
        authenticator.forget(keyId);
        return rotation;
    }

    private IssuedKey issue(Tx tx, RequestContext ctx, String owner, String name, Instant now, Instant expiresAt)
            throws SQLException {
        ApiKey key = generator.generate();
        Principal principal = owner == null ? Principal.operator(key.id()) : Principal.account(owner, key.id());
        keys.add(tx, key, principal, name, now, expiresAt);
        auditor.record(tx, ctx, owner, "api_key.created", "api_key", key.id(), new Changes()
                .field("name", null, name).field("prefix", null, key.prefix() + "...")
                .field("expires_at", null, expiresAt == null ? null : expiresAt.toString()).list());
        return new IssuedKey(keys.find(tx, key.id()).orElseThrow(), key.secret());
    }

    /** Another account's key, and for an account an operator key, do not exist for the caller. */
    private StoredApiKey visible(Tx tx, RequestContext ctx, String keyId) throws SQLException {
        return keys.find(tx, keyId)
                .filter(key -> ctx.principal().isOperator() || ctx.principal().accountId().equals(key.accountId()))
                .orElseThrow(() -> new NotFoundException("API key " + keyId));
    }

    private static String owner(RequestContext ctx, String accountId) {
        if (ctx.principal().isOperator()) {
            return accountId;
        }
        if (accountId != null && !accountId.equals(ctx.principal().accountId())) {
            throw new NotFoundException("account " + accountId);
        }
        return ctx.principal().accountId();
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > StoredApiKey.MAX_NAME_LENGTH
                || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidFieldException("name", "must be 1.." + StoredApiKey.MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        return trimmed;
    }
}
