package io.vpbx.admin.domain.category;

/**
 * At least {@code length} digits each one above ({@code step} 1: 1234) or below ({@code step} -1:
 * 4321) the previous, at the end of the window or anywhere in it.
 */
record MonotonicRun(int step, int length, boolean atEnd) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        int run = atEnd ? Runs.trailing(w, step) : Runs.longestLength(w, step, Runs.ANY_DIGIT);
        return run >= length;
    }

    @Override
    public Match explain(byte[] w) {
        return atEnd ? Runs.trailingMatch(w, step) : Runs.longest(w, step, Runs.ANY_DIGIT);
    }

    @Override
    public int minimumDigits() {
        return length;
    }
}
