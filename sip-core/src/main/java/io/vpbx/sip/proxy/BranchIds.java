package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.TransactionTable;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unique branch parameters (RFC 3261 section 8.1.1.7): the magic cookie, a random prefix per process so that
 * nodes and restarts never collide, and a counter. Confined to the SIP event loop.
 */
final class BranchIds {
    private final String prefix;
    private long counter;

    BranchIds(SecureRandom random) {
        byte[] seed = new byte[5];
        random.nextBytes(seed);
        prefix = TransactionTable.MAGIC_COOKIE + "vp" + HexFormat.of().formatHex(seed) + ".";
    }

    String next() {
        return prefix + Long.toString(++counter, 36);
    }

    /** A stateless proxy's branch (section 16.11): the same for a retransmission of the same request. */
    String derived(String incomingBranch, String method) {
        String basis = incomingBranch == null ? "" : incomingBranch;
        return prefix + "s" + Integer.toHexString((basis + method).hashCode());
    }

    boolean isOurs(String branch) {
        return branch != null && branch.startsWith(prefix);
    }
}
