package io.vpbx.media.tone;

/**
 * Tells silence from voice by energy, 20 ms block by block: a block whose RMS level is below
 * {@link #THRESHOLD_DBFS} (-40 dBFS, an RMS of about 328 in 16-bit samples) is silent. Speech sits around
 * -20 dBFS and rarely dips under -35 dBFS for long inside words; a quiet line's noise and G.711's idle codes are
 * well under -50 dBFS. Counts how long the current silent run is, across calls to {@link #feed}.
 */
public final class SilenceDetector {

    public static final double THRESHOLD_DBFS = -40;
    private static final double THRESHOLD_RMS = 32768 * Math.pow(10, THRESHOLD_DBFS / 20);
    private static final double THRESHOLD_SUM_PER_SAMPLE = THRESHOLD_RMS * THRESHOLD_RMS;

    private final int blockSamples;
    private double blockSum;
    private int blockFill;
    private long silentRun;

    public SilenceDetector(int blockSamples) {
        this.blockSamples = blockSamples;
    }

    /** Whether a block of samples is below the threshold (a stateless check). */
    public static boolean isSilent(short[] samples, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return length == 0 || sum / length < THRESHOLD_SUM_PER_SAMPLE;
    }

    /** Takes the next samples of the stream; returns the length of the silent run so far, in samples. */
    public long feed(short[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            blockSum += (double) samples[i] * samples[i];
            if (++blockFill == blockSamples) {
                silentRun = blockSum / blockSamples < THRESHOLD_SUM_PER_SAMPLE ? silentRun + blockSamples : 0;
                blockSum = 0;
                blockFill = 0;
            }
        }
        return silentRun;
    }

    public long silentRun() {
        return silentRun;
    }
}
