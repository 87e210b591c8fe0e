package io.vpbx.admin.service;

import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.store.AccountResourceStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The write path the resource services share: read the resource for the account (locked), apply the patch, diff,
 * write, audit "{type}.created/updated/deleted" with the field-level changes, and through the {@link Auditor} tell
 * the change listener once committed. A patch that changes nothing writes and audits nothing. What differs per
 * resource (its checks, its merge, its diff) comes in as steps.
 */
public final class AuditedResource<T> {

    /** A step run inside the transaction; {@code before} null on create, {@code after} null on delete. */
    @FunctionalInterface
    public interface Step<T> {
        void run(Tx tx, T before, T after) throws SQLException;

        static <T> Step<T> none() {
            return (tx, before, after) -> {
            };
        }
    }

    private final Transactions transactions;
    private final AccountResourceStore<T> store;
    private final Auditor auditor;
    private final String type;
    private final String label;
    private final BiFunction<T, T, List<FieldChange>> changes;

    /**
     * {@code type} is the audit's resource type ("m2m_device"), {@code label} how an answer names one ("m2m device");
     * {@code changes} is the field-level audit of a change, {@code null} standing for "did not exist".
     */
    public AuditedResource(Transactions transactions, AccountResourceStore<T> store, Auditor auditor, String type, String label,
                           BiFunction<T, T, List<FieldChange>> changes) {
        this.transactions = transactions;
        this.store = store;
        this.auditor = auditor;
        this.type = type;
        this.label = label;
        this.changes = changes;
    }

    public T get(String accountId, String id) {
        return transactions.inTransaction(tx -> store.find(tx, accountId, id)).orElseThrow(() -> notFound(id));
    }

    public List<T> list(String accountId, String afterId, int limit) {
        return transactions.inTransaction(tx -> store.list(tx, accountId, afterId, limit));
    }

    /** Runs {@code checks} (before null), then stores and audits the new resource. */
    public T create(RequestContext ctx, String accountId, String id, T created, Step<T> checks) {
        return transactions.inTransaction(tx -> {
            checks.run(tx, null, created);
            insert(tx, ctx, accountId, id, created);
            return created;
        });
    }

    /** Stores and audits a new resource inside the caller's transaction; {@code accountId} is the audit entry's. */
    public void insert(Tx tx, RequestContext ctx, String accountId, String id, T created) throws SQLException {
        store.create(tx, created);
        auditor.record(tx, ctx, accountId, type + ".created", type, id, changes.apply(null, created));
    }

    /**
     * Locks the resource, {@code merge}s the patch into it, and when that changes a field runs {@code checks},
     * writes, audits and runs {@code written}. Returns the resource as it now is.
     */
    public T update(RequestContext ctx, String accountId, String id, UnaryOperator<T> merge, Step<T> checks, Step<T> written) {
        return transactions.inTransaction(tx -> {
            T before = store.lock(tx, accountId, id).orElseThrow(() -> notFound(id));
            T after = merge.apply(before);
            List<FieldChange> diff = changes.apply(before, after);
            if (diff.isEmpty()) {
                return before;
            }
            checks.run(tx, before, after);
            store.update(tx, after);
            auditor.record(tx, ctx, accountId, type + ".updated", type, id, diff);
            written.run(tx, before, after);
            return after;
        });
    }

    /** Locks the resource, lets {@code guard} refuse (after null), then deletes and audits it. */
    public void delete(RequestContext ctx, String accountId, String id, Step<T> guard) {
        transactions.inTransaction(tx -> {
            T before = store.lock(tx, accountId, id).orElseThrow(() -> notFound(id));
            guard.run(tx, before, null);
            store.delete(tx, accountId, id);
            auditor.record(tx, ctx, accountId, type + ".deleted", type, id, changes.apply(before, null));
            return null;
        });
    }

    /**
     * As {@link #delete} with {@code inUse} as the guard: refused while anything of the account still uses the resource,
     * which the refusal names by this resource's label and id.
     */
    public void deleteUnused(RequestContext ctx, String accountId, String id, InUseGuard inUse) {
        delete(ctx, accountId, id, (tx, before, none) -> inUse.requireUnused(tx, accountId, id, label + " " + id));
    }

    public NotFoundException notFound(String id) {
        return new NotFoundException(label + " " + id);
    }
}
