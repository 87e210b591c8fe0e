package io.vpbx.admin.domain.category;

/**
 * A block of {@code block} digits repeated {@code repeats} times at the end: ABAB (2, 2), ABABAB
 * (2, 3), ABCABC (3, 2). The block must hold at least two different digits (AAAA is a run).
 */
record TrailingRepeat(int block, int repeats) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        int start = w.length - block * repeats;
        if (start < 0) {
            return false;
        }
        for (int i = start + block; i < w.length; i++) {
            if (w[i] != w[i - block]) {
                return false;
            }
        }
        for (int i = start + 1; i < start + block; i++) {
            if (w[i] != w[start]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Match explain(byte[] w) {
        return new Match(w.length - block * repeats, w.length, repeats);
    }

    @Override
    public int minimumDigits() {
        return block * repeats;
    }
}
