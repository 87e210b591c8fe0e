package io.vpbx.telephony.audio;

/**
 * Converts mono audio at any rate to 8 kHz 16-bit, what telephony plays. Each output sample is a windowed-sinc
 * (Kaiser, beta {@value #BETA}) low-pass of the input around its position: cut-off {@value #CUTOFF_HZ} Hz, so
 * 300-3,400 Hz speech passes while what lies above 4 kHz is removed instead of folding back into the band. The
 * kernel is tabulated at {@value #PHASES} phases per input sample and interpolated, so fractional ratios
 * (44.1 kHz) cost no more than whole ones. At 8 kHz input the samples pass unfiltered.
 */
public final class Resampler {
    public static final int OUTPUT_RATE = 8_000;
    private static final double CUTOFF_HZ = 3_800;
    /** Zero crossings of the sinc on each side: sets the transition band (about 600 Hz wide). */
    private static final int ZERO_CROSSINGS = 32;
    private static final double BETA = 8.6;
    private static final int PHASES = 256;

    private final int inputRate;
    /** Input samples on each side of the centre that the kernel reaches. */
    private final int halfWidth;
    /** The kernel at every 1/PHASES of an input sample from 0 to halfWidth (symmetric), one extra for interpolation. */
    private final double[] kernel;

    public Resampler(int inputRate) {
        if (inputRate < OUTPUT_RATE) {
            throw new IllegalArgumentException("input rate " + inputRate + " below " + OUTPUT_RATE);
        }
        this.inputRate = inputRate;
        double cutoff = CUTOFF_HZ / inputRate; // cycles per input sample
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        this.kernel = new double[halfWidth * PHASES + 2];
        double i0Beta = besselI0(BETA);
        for (int i = 0; i < kernel.length; i++) {
            double u = (double) i / PHASES;
            double ratio = u / halfWidth;
            double window = ratio >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - ratio * ratio)) / i0Beta;
            kernel[i] = 2 * cutoff * sinc(2 * cutoff * u) * window;
        }
    }

    /** Converts samples in -1..1 at the input rate to 8 kHz 16-bit, clipped at full scale. */
    public short[] toOutputRate(float[] input) {
        if (inputRate == OUTPUT_RATE) {
            short[] out = new short[input.length];
            for (int i = 0; i < input.length; i++) {
                out[i] = toShort(input[i]);
            }
            return out;
        }
        int length = (int) ((long) input.length * OUTPUT_RATE / inputRate);
        short[] out = new short[length];
        double step = (double) inputRate / OUTPUT_RATE;
        for (int n = 0; n < length; n++) {
            double centre = n * step;
            int first = Math.max(0, (int) Math.ceil(centre - halfWidth));
            int last = Math.min(input.length - 1, (int) Math.floor(centre + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                sum += input[k] * tap(Math.abs(k - centre));
            }
            out[n] = toShort(sum);
        }
        return out;
    }

    private double tap(double distance) {
        double position = distance * PHASES;
        int index = (int) position;
        if (index >= kernel.length - 1) {
            return 0;
        }
        double fraction = position - index;
        return kernel[index] + (kernel[index + 1] - kernel[index]) * fraction;
    }

    private static short toShort(double sample) {
        long scaled = Math.round(sample * 32767);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }
}
