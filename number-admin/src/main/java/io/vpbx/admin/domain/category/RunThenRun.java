package io.vpbx.admin.domain.category;

/** A run of {@code first} identical digits then a run of {@code second} of another digit, at the end: AAAA-BBB. */
record RunThenRun(int first, int second) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        int start = w.length - first - second;
        if (start < 0) {
            return false;
        }
        int boundary = start + first;
        for (int i = start + 1; i < w.length; i++) {
            if (i != boundary && w[i] != w[i - 1]) {
                return false;
            }
        }
        return w[boundary] != w[start];
    }

    @Override
    public Match explain(byte[] w) {
        return new Match(w.length - first - second, w.length, first + second);
    }

    @Override
    public int minimumDigits() {
        return first + second;
    }
}
