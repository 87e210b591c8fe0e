package io.vpbx.admin.domain.category;

/** At least {@code count} occurrences of {@code digit} anywhere in the window: three or more eights. */
record DigitCount(int digit, int count) implements PatternDetector {

    @Override
    public boolean matches(byte[] w) {
        return occurrences(w) >= count;
    }

    @Override
    public Match explain(byte[] w) {
        return new Match(0, w.length, occurrences(w));
    }

    @Override
    public int minimumDigits() {
        return count;
    }

    private int occurrences(byte[] w) {
        int found = 0;
        for (byte d : w) {
            if (d == digit) {
                found++;
            }
        }
        return found;
    }
}
