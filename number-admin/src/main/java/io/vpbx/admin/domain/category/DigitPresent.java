package io.vpbx.admin.domain.category;

/** {@code digit} appears among the last {@code within} digits: the unlucky 4 near the end of a CN number. */
record DigitPresent(int digit, int within) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        for (int i = Math.max(0, w.length - within); i < w.length; i++) {
            if (w[i] == digit) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Match explain(byte[] w) {
        int start = Math.max(0, w.length - within);
        int found = 0;
        for (int i = start; i < w.length; i++) {
            if (w[i] == digit) {
                found++;
            }
        }
        return new Match(start, w.length, found);
    }

    @Override
    public int minimumDigits() {
        return within;
    }
}
