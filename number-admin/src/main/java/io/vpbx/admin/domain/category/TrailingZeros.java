package io.vpbx.admin.domain.category;

/** At least {@code count} zeros at the end: a "round" number, xxx-x000. */
record TrailingZeros(int count) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        return w.length > 0 && w[w.length - 1] == 0 && Runs.trailing(w, 0) >= count;
    }

    @Override
    public Match explain(byte[] w) {
        return Runs.trailingMatch(w, 0);
    }

    @Override
    public int minimumDigits() {
        return count;
    }
}
