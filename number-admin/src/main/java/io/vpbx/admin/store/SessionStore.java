package io.vpbx.admin.store;

import io.vpbx.admin.domain.people.SignInChallenge;
import io.vpbx.admin.domain.people.UserSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-ins awaiting their code, and the sessions that follow (ADR 0030). */
public interface SessionStore {
    void addChallenge(Tx tx, SignInChallenge challenge) throws SQLException;

    Optional<SignInChallenge> challenge(Tx tx, String challengeId) throws SQLException;

    /** Takes one try from the challenge (a wrong code). */
    void spendAttempt(Tx tx, String challengeId) throws SQLException;

    /** Marks the challenge used; false when it was used already. */
    boolean useChallenge(Tx tx, String challengeId, Instant at) throws SQLException;

    void addSession(Tx tx, UserSession session) throws SQLException;

    Optional<UserSession> sessionByTokenHash(Tx tx, String tokenHash) throws SQLException;

    Optional<UserSession> session(Tx tx, String sessionId) throws SQLException;

    /** Moves the session's last use forward to {@code at}. */
    void touch(Tx tx, String sessionId, Instant at) throws SQLException;

    /** Revokes the session; false when it was revoked already. */
    boolean revoke(Tx tx, String sessionId, Instant at) throws SQLException;

    /** Revokes every session of the person (disabled, deleted, password changed) but {@code keep} (may be null). */
    int revokeAllOf(Tx tx, String userId, String keep, Instant at) throws SQLException;

    /** Deletes challenges and sessions that ended (expired or revoked) before {@code before}; returns how many. */
    int purgeEnded(Tx tx, Instant before) throws SQLException;

    /** The person's sessions not revoked and not past their absolute expiry, newest first. */
    List<UserSession> sessionsOf(Tx tx, String userId, Instant now) throws SQLException;
}
