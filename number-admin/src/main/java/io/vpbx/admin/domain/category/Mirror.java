package io.vpbx.admin.domain.category;

/** The last {@code length} digits read the same backwards (1234321), and are not all one digit. */
record Mirror(int length) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        int start = w.length - length;
        if (start < 0) {
            return false;
        }
        boolean varied = false;
        for (int i = start, j = w.length - 1; i < j; i++, j--) {
            if (w[i] != w[j]) {
                return false;
            }
            varied |= w[i] != w[start];
        }
        return varied || w[start + length / 2] != w[start];
    }

    @Override
    public Match explain(byte[] w) {
        return new Match(w.length - length, w.length, length);
    }

    @Override
    public int minimumDigits() {
        return length;
    }
}
