package io.vpbx.admin.service.numbers;

import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Instant;

/**
 * When a number is disconnected, other accounts' forwardings to it are dropped and its forwarding consents
 * end with it, in the disconnection's transaction: a disconnect is never blocked by another account.
 */
public final class ForeignForwardingRelease implements NumberReleaseHook {
    private final ForeignForwardings foreign;
    private final ForwardingConsentStore consents;

    public ForeignForwardingRelease(ForeignForwardings foreign, ForwardingConsentStore consents) {
        this.foreign = foreign;
        this.consents = consents;
    }

    @Override
    public void released(Tx tx, String e164, Instant at) throws SQLException {
        foreign.dropAll(tx, RequestContext.system("release-" + e164), e164);
        consents.revokeAll(tx, e164);
    }
}
