package io.vpbx.telephony.audio;

import io.vpbx.telephony.audio.WavFormatException.Kind;
import java.nio.charset.StandardCharsets;

/**
 * Reads a RIFF/WAVE file held in memory: PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64, A-law and mu-law,
 * plainly or as WAVE_FORMAT_EXTENSIBLE; 8 to 192 kHz, 1 to {@value #MAX_CHANNELS} channels. Chunks other than
 * "fmt " and "data" are skipped (with the pad byte after an odd size). Every size is checked against the bytes
 * there are before it is used, and each step moves forward, so a hostile header can neither allocate nor loop.
 */
public final class WavReader {
    public static final int MIN_RATE = 8_000;
    public static final int MAX_RATE = 192_000;
    public static final int MAX_CHANNELS = 32;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID built from a format tag. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
            0x38, (byte) 0x9B, 0x71};

    private WavReader() {
    }

    public static WavFile read(byte[] file) {
        if (file.length < 12 || !tag(file, 0, "RIFF") || !tag(file, 8, "WAVE")) {
            throw new WavFormatException(Kind.NOT_WAV, "not a WAV file: it does not start with a RIFF/WAVE header");
        }
        Format format = null;
        long dataOffset = -1;
        long dataSize = 0;
        long position = 12;
        while (position + 8 <= file.length) {
            int at = (int) position;
            long size = u32(file, at + 4);
            long body = position + 8;
            if (tag(file, at, "fmt ")) {
                if (body + size > file.length) {
                    throw new WavFormatException(Kind.TRUNCATED, "the fmt chunk claims " + size + " bytes; the file ends before");
                }
                format = format(file, (int) body, size);
            } else if (tag(file, at, "data")) {
                if (body + size > file.length) {
                    throw new WavFormatException(Kind.TRUNCATED, "the data chunk claims " + size + " bytes; the file holds "
                            + (file.length - body) + " after its header (truncated upload?)");
                }
                dataOffset = body;
                dataSize = size;
            }
            position = body + size + (size & 1);
        }
        if (dataOffset < 0 && position != file.length) {
            throw new WavFormatException(Kind.TRUNCATED, "the file ends inside a chunk, before any data chunk");
        }
        if (format == null) {
            throw new WavFormatException(Kind.MISSING_CHUNK, "the WAV file has no fmt chunk");
        }
        if (dataOffset < 0) {
            throw new WavFormatException(Kind.MISSING_CHUNK, "the WAV file has no data chunk");
        }
        long frames = dataSize / format.blockAlign();
        if (frames == 0) {
            throw new WavFormatException(Kind.EMPTY, "the WAV file holds no audio");
        }
        return new WavFile(format.encoding(), format.rate(), format.channels(), (int) frames, file, (int) dataOffset);
    }

    private record Format(SampleEncoding encoding, int rate, int channels, int blockAlign) {
    }

    private static Format format(byte[] file, int at, long size) {
        if (size < 16) {
            throw new WavFormatException(Kind.INVALID, "the fmt chunk is " + size + " bytes; at least 16 expected");
        }
        int tag = u16(file, at);
        int channels = u16(file, at + 2);
        long rate = u32(file, at + 4);
        long byteRate = u32(file, at + 8);
        int blockAlign = u16(file, at + 12);
        int bits = u16(file, at + 14);
        if (tag == FORMAT_EXTENSIBLE) {
            if (size < 40 || u16(file, at + 16) < 22) {
                throw new WavFormatException(Kind.INVALID, "WAVE_FORMAT_EXTENSIBLE without its 22-byte extension");
            }
            int validBits = u16(file, at + 18);
            if (validBits > bits) {
                throw new WavFormatException(Kind.INVALID, "valid bits per sample (" + validBits + ") above the container's " + bits);
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (file[at + 26 + i] != GUID_TAIL[i]) {
                    throw new WavFormatException(Kind.UNSUPPORTED, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID");
                }
            }
            tag = u16(file, at + 24);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new WavFormatException(channels == 0 ? Kind.INVALID : Kind.UNSUPPORTED,
                    channels + " channels; 1.." + MAX_CHANNELS + " are read");
        }
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw new WavFormatException(Kind.UNSUPPORTED, "sample rate " + rate + " Hz; " + MIN_RATE + ".." + MAX_RATE + " are read");
        }
        SampleEncoding encoding = encoding(tag, bits);
        if (blockAlign != channels * encoding.bytes()) {
            throw new WavFormatException(Kind.INVALID, "block align " + blockAlign + " does not match " + channels + " channels of "
                    + bits + " bits");
        }
        if (byteRate != rate * blockAlign) {
            throw new WavFormatException(Kind.INVALID, "byte rate " + byteRate + " does not match " + rate + " Hz x " + blockAlign
                    + " bytes");
        }
        return new Format(encoding, (int) rate, channels, blockAlign);
    }

    private static SampleEncoding encoding(int tag, int bits) {
        SampleEncoding encoding = switch (tag) {
            case FORMAT_PCM -> switch (bits) {
                case 8 -> SampleEncoding.PCM_U8;
                case 16 -> SampleEncoding.PCM_S16;
                case 24 -> SampleEncoding.PCM_S24;
                case 32 -> SampleEncoding.PCM_S32;
                default -> null;
            };
            case FORMAT_FLOAT -> bits == 32 ? SampleEncoding.FLOAT32 : bits == 64 ? SampleEncoding.FLOAT64 : null;
            case FORMAT_ALAW -> bits == 8 ? SampleEncoding.ALAW : null;
            case FORMAT_MULAW -> bits == 8 ? SampleEncoding.MULAW : null;
            default -> throw new WavFormatException(Kind.UNSUPPORTED, "WAV encoding 0x" + Integer.toHexString(tag)
                    + " (" + name(tag) + "); PCM, IEEE float, A-law and mu-law are read");
        };
        if (encoding == null) {
            throw new WavFormatException(Kind.UNSUPPORTED, bits + "-bit samples in " + name(tag) + " WAV files are not read");
        }
        return encoding;
    }

    private static String name(int tag) {
        return switch (tag) {
            case FORMAT_PCM -> "PCM";
            case 2 -> "Microsoft ADPCM";
            case FORMAT_FLOAT -> "IEEE float";
            case FORMAT_ALAW -> "A-law";
            case FORMAT_MULAW -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x31 -> "GSM 6.10";
            case 0x55 -> "MP3";
            default -> "unknown";
        };
    }

    private static boolean tag(byte[] file, int at, String name) {
        return at + 4 <= file.length && new String(file, at, 4, StandardCharsets.ISO_8859_1).equals(name);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
