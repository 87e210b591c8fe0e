package io.vpbx.admin.domain.audit;

/**
 * The outcome of walking the audit chain: either intact, with the number of chained entries and the
 * last hash (worth recording outside vpbx, so that a rewrite of the whole chain shows too), or broken
 * at the first entry found wrong, with why.
 */
public record ChainVerification(boolean ok, long entries, String lastHash, Long brokenAt, String reason) {

    public static ChainVerification intact(long entries, String lastHash) {
        return new ChainVerification(true, entries, lastHash, null, null);
    }

    public static ChainVerification broken(long id, String reason) {
        return new ChainVerification(false, 0, null, id, reason);
    }
}
