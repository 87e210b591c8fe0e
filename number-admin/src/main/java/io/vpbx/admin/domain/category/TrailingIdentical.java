package io.vpbx.admin.domain.category;

/** At least {@code length} identical digits at the end: xxx7777. */
record TrailingIdentical(int length) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        return Runs.trailing(w, 0) >= length;
    }

    @Override
    public Match explain(byte[] w) {
        return Runs.trailingMatch(w, 0);
    }

    @Override
    public int minimumDigits() {
        return length;
    }
}
