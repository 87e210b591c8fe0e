package io.vpbx.admin.domain.category;

/**
 * {@code pairs} pairs of identical digits at the end, each pair different from its neighbour:
 * AABB (2), AABBCC (3). AAAA is an identical run, not pairs.
 */
record TrailingPairs(int pairs) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        int start = w.length - 2 * pairs;
        if (start < 0) {
            return false;
        }
        for (int i = start; i < w.length; i += 2) {
            if (w[i] != w[i + 1] || (i > start && w[i] == w[i - 1])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Match explain(byte[] w) {
        return new Match(w.length - 2 * pairs, w.length, pairs);
    }

    @Override
    public int minimumDigits() {
        return 2 * pairs;
    }
}
