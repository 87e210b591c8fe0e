package io.vpbx.admin.store;

import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import java.sql.SQLException;
import java.util.List;

/** Which other accounts may forward to a number, as its holder granted. */
public interface ForwardingConsentStore {

    /** Adds the consent, or keeps the existing one; returns whether it was added. */
    boolean grant(Tx tx, ForwardingConsent consent) throws SQLException;

    /** Removes one consent; returns whether it existed. */
    boolean revoke(Tx tx, String e164, String allowedAccountId) throws SQLException;

    /** Removes every consent on the number (it leaves its holder). */
    void revokeAll(Tx tx, String e164) throws SQLException;

    /** Whether {@code holderAccountId}, holding the number, allowed {@code allowedAccountId} to forward to it. */
    boolean allows(Tx tx, String e164, String holderAccountId, String allowedAccountId) throws SQLException;

    /** The number's consents given by {@code holderAccountId}, by allowed account. */
    List<ForwardingConsent> list(Tx tx, String e164, String holderAccountId) throws SQLException;
}
