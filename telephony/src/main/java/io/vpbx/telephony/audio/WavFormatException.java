package io.vpbx.telephony.audio;

/** A file {@link WavReader} cannot turn into audio, with what is wrong with it. */
public final class WavFormatException extends RuntimeException {

    /** What is wrong, so that a caller can answer differently (not a WAV file at all, or a broken or unusable one). */
    public enum Kind {
        /** No RIFF/WAVE header: some other kind of file. */
        NOT_WAV,
        /** A chunk claims more bytes than the file holds. */
        TRUNCATED,
        /** No "fmt " or no "data" chunk. */
        MISSING_CHUNK,
        /** A WAV file in an encoding, sample size, rate or channel count that is not read here. */
        UNSUPPORTED,
        /** Header values that contradict each other or make no sense (block size, byte rate). */
        INVALID,
        /** A well-formed file without a single sample. */
        EMPTY
    }

    private final Kind kind;

    public WavFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
