package io.vpbx.admin.store;

import io.vpbx.admin.domain.thirdparty.ThirdPartyNumber;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Third-party lines with their sealed passwords. The password goes in and out only in its sealed form; opening
 * it is the service's business. Reads by number are not scoped to an account: the service decides who sees what.
 */
public interface ThirdPartyNumberStore {

    /** A stored line and its password as sealed. */
    record SealedLine(ThirdPartyNumber number, String sealedPassword) {
        @Override
        public String toString() {
            return "SealedLine[" + number + "]";
        }
    }

    void create(Tx tx, ThirdPartyNumber number, String sealedPassword) throws SQLException;

    Optional<SealedLine> find(Tx tx, String e164) throws SQLException;

    /** The line, locked until the transaction ends. */
    Optional<SealedLine> lock(Tx tx, String e164) throws SQLException;

    /** Writes every field but the number, the account and the creation time. */
    void update(Tx tx, ThirdPartyNumber number, String sealedPassword) throws SQLException;

    /** Deletes the line with its registration status and history; returns whether it existed. */
    boolean delete(Tx tx, String e164) throws SQLException;

    /** Lines in number order after {@code afterE164} (null: from the start), of one account or (null) of all, at most {@code limit}. */
    List<ThirdPartyNumber> list(Tx tx, String accountId, String afterE164, int limit) throws SQLException;

    /** Every line with its sealed password, in number order after {@code afterE164}: what the SIP side registers. */
    List<SealedLine> sealedLines(Tx tx, String afterE164, int limit) throws SQLException;

    /** Lines whose password is sealed under a key other than {@code currentKeyId}, locked, at most {@code limit}. */
    List<SealedLine> lockSealedWithOtherKeys(Tx tx, String currentKeyId, int limit) throws SQLException;

    /** Replaces the sealed password alone (a key rotation: the password itself is unchanged). */
    void reseal(Tx tx, String e164, String sealedPassword) throws SQLException;

    /** Which of {@code e164s} are connected lines, locked so that none is disconnected before the transaction ends. */
    Set<String> lockConnected(Tx tx, Collection<String> e164s) throws SQLException;
}
