package io.vpbx.admin.store;

/** Runs work in a transaction: committed when it returns, rolled back when it throws. */
public interface Transactions {
    <T> T inTransaction(TxWork<T> work);
}
