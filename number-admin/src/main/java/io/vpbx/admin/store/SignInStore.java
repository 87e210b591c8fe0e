package io.vpbx.admin.store;

import io.vpbx.admin.domain.people.FailureCount;
import io.vpbx.admin.domain.people.LoginAttempt;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Failed sign-in counts per subject (shared by every node) and the login journal. */
public interface SignInStore {
    Optional<FailureCount> failures(Tx tx, String subject) throws SQLException;

    /** Writes the subject's count (inserting or replacing). */
    void saveFailures(Tx tx, FailureCount count) throws SQLException;

    /** Forgets the subject's failures (a successful sign-in). */
    void clearFailures(Tx tx, String subject) throws SQLException;

    /** Forgets failure counts whose last failure is older than {@code before} and whose wait is over. */
    int purgeFailures(Tx tx, Instant before) throws SQLException;

    void journal(Tx tx, LoginAttempt attempt) throws SQLException;

    /** Deletes journal lines older than {@code before}; returns how many. */
    int purgeJournal(Tx tx, Instant before) throws SQLException;

    /**
     * Journal lines of an account (null: every line, for the operator), newest first, with ids below {@code beforeId}
     * (null: from the newest).
     */
    List<LoginAttempt> journalPage(Tx tx, String accountId, boolean everyAccount, Long beforeId, int limit) throws SQLException;
}
