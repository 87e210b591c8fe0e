package io.vpbx.server.sync;

import io.vpbx.admin.domain.staff.SipAccount;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.store.SipAccountStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.sip.registrar.StoredCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar's view of employees' SIP accounts, in memory so that a REGISTER never waits for the
 * database: SIP username to stored HA1 digests, the subscriber id being the employee id. Loaded whole at
 * startup, then each committed change to an employee re-reads that employee: created and changed ones
 * are put in, deleted ones and old usernames after a rename are taken out.
 *
 * <p>{@link #find(String)} runs on the SIP threads and only reads the concurrent map; changes are applied
 * one at a time, on the thread that committed them.
 */
final class SipCredentials implements ChangeListener {
    private static final Logger log = LoggerFactory.getLogger(SipCredentials.class);
    static final String EMPLOYEE = "employee";

    private final Transactions transactions;
    private final SipAccountStore accounts;
    private final String realm;
    private final Map<String, StoredCredentials> byUsername = new ConcurrentHashMap<>();
    /** The username each employee is filed under, to find the key a rename or deletion leaves behind. */
    private final Map<String, String> usernameOf = new ConcurrentHashMap<>();

    /** @param realm the realm the stored HA1 values were computed for, which the registrar's challenges name */
    SipCredentials(Transactions transactions, SipAccountStore accounts, String realm) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.realm = realm;
    }

    /** The account registering as {@code username}; never blocks. */
    Optional<StoredCredentials> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    int size() {
        return byUsername.size();
    }

    synchronized void loadAll() {
        loadAll(transactions);
    }

    /** Loads every account from {@code from}: the database, or the routing snapshot when it is down. */
    synchronized void loadAll(Transactions from) {
        long start = System.nanoTime();
        int count = from.inTransaction(tx -> accounts.all(tx, this::put));
        log.info("SIP credentials loaded: {} accounts in {} ms", count, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public synchronized void changed(String resourceType, String resourceId) {
        if (!EMPLOYEE.equals(resourceType)) {
            return;
        }
        Optional<SipAccount> account = transactions.inTransaction(tx -> accounts.find(tx, resourceId));
        if (account.isPresent()) {
            put(account.get());
        } else {
            forget(resourceId);
        }
    }

    private void put(SipAccount account) {
        String previous = usernameOf.put(account.employeeId(), account.sipUsername());
        if (previous != null && !previous.equals(account.sipUsername())) {
            dropKey(previous, account.employeeId());
        }
        byUsername.put(account.sipUsername(), new StoredCredentials(account.sipUsername(), realm,
                account.credentials().ha1Md5(), account.credentials().ha1Sha256(), account.employeeId()));
    }

    private void forget(String employeeId) {
        String username = usernameOf.remove(employeeId);
        if (username != null) {
            dropKey(username, employeeId);
        }
    }

    /** Only while the key is still this employee's: another employee may have taken the freed name already. */
    private void dropKey(String username, String employeeId) {
        byUsername.computeIfPresent(username, (name, held) -> held.subscriberId().equals(employeeId) ? null : held);
    }
}
