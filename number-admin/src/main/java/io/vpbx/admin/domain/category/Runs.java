package io.vpbx.admin.domain.category;

/**
 * Run measurements shared by the detectors, pure functions over a window. A run is a stretch where
 * each digit is the previous plus {@code step} (0: identical, 1: ascending, -1: descending) and,
 * when {@code digit >= 0}, every digit equals {@code digit}. No wrap-around: 9 is not followed by 0.
 */
final class Runs {

    /** Pass as {@code digit} to accept any digit. */
    static final int ANY_DIGIT = -1;

    private Runs() {
    }

    /** Length of the run that ends at the last digit of the window. */
    static int trailing(byte[] w, int step) {
        int n = w.length;
        if (n == 0) {
            return 0;
        }
        int run = 1;
        for (int i = n - 1; i > 0 && w[i] - w[i - 1] == step; i--) {
            run++;
        }
        return run;
    }

    /** Length of the longest run anywhere in the window; allocation-free. */
    static int longestLength(byte[] w, int step, int digit) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < w.length; i++) {
            run = extend(w, i, run, step, digit);
            best = Math.max(best, run);
        }
        return best;
    }

    /** The longest run anywhere (the first one if tied), with its length as count. */
    static Match longest(byte[] w, int step, int digit) {
        int best = 0;
        int bestEnd = 0;
        int run = 0;
        for (int i = 0; i < w.length; i++) {
            run = extend(w, i, run, step, digit);
            if (run > best) {
                best = run;
                bestEnd = i + 1;
            }
        }
        return new Match(bestEnd - best, bestEnd, best);
    }

    /** The trailing run, with its length as count. */
    static Match trailingMatch(byte[] w, int step) {
        int run = trailing(w, step);
        return new Match(w.length - run, w.length, run);
    }

    private static int extend(byte[] w, int i, int run, int step, int digit) {
        if (digit != ANY_DIGIT && w[i] != digit) {
            return 0;
        }
        return run > 0 && w[i] - w[i - 1] == step ? run + 1 : 1;
    }
}
