package io.vpbx.admin.store;

/**
 * What every store contract runs on, given by the backend's test class: a fresh database per test, reached only
 * through {@link Transactions}, and the backend's {@link AccountStore} for the accounts the resources belong to.
 * A contract declares the stores it tests (and the ones it sets up with) as abstract methods; the backend
 * implements them.
 */
public interface StoreContract {
    Transactions transactions();

    AccountStore accounts();

    /** What every test starts from (accounts, rows the store refers to); the backend runs it on the fresh database. */
    default void seed() {
    }

    default <T> T inTx(TxWork<T> work) {
        return transactions().inTransaction(work);
    }
}
