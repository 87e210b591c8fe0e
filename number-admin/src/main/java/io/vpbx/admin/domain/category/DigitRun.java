package io.vpbx.admin.domain.category;

/** A block of at least {@code length} copies of one {@code digit} anywhere: the lucky 8888, the unlucky 444. */
record DigitRun(int digit, int length) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        return Runs.longestLength(w, 0, digit) >= length;
    }

    @Override
    public Match explain(byte[] w) {
        return Runs.longest(w, 0, digit);
    }

    @Override
    public int minimumDigits() {
        return length;
    }
}
