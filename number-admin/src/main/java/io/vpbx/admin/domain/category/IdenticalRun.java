package io.vpbx.admin.domain.category;

/** At least {@code length} identical digits in a row anywhere: 55555xx. */
record IdenticalRun(int length) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        return Runs.longestLength(w, 0, Runs.ANY_DIGIT) >= length;
    }

    @Override
    public Match explain(byte[] w) {
        return Runs.longest(w, 0, Runs.ANY_DIGIT);
    }

    @Override
    public int minimumDigits() {
        return length;
    }
}
