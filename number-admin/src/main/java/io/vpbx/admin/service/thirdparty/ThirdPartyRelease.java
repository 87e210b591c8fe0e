package io.vpbx.admin.service.thirdparty;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.service.numbers.NumberReleaseHook;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Keeps a third-party number out of the quarantine a bought number goes to when disconnected through
 * /v1/numbers: after quarantine it would return to the catalog, on sale while another operator holds it.
 * It leaves through /v1/third-party-numbers, which deletes it; here the disconnection is refused (and rolled back).
 */
public final class ThirdPartyRelease implements NumberReleaseHook {
    private final ThirdPartyNumberStore lines;

    public ThirdPartyRelease(ThirdPartyNumberStore lines) {
        this.lines = lines;
    }

    @Override
    public void released(Tx tx, String e164, Instant at) throws SQLException {
        if (lines.find(tx, e164).isPresent()) {
            throw new ConflictException("number " + e164 + " is a third-party number; disconnect it with DELETE /v1/third-party-numbers/"
                    + e164);
        }
    }
}
