package io.vpbx.admin.service.media;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.UnsupportedMediaTypeException;
import io.vpbx.telephony.audio.Resampler;
import io.vpbx.telephony.audio.WavFile;
import io.vpbx.telephony.audio.WavFormatException;
import io.vpbx.telephony.audio.WavReader;
import io.vpbx.telephony.audio.WavWriter;
import java.time.Duration;

/**
 * Turns an uploaded file into what calls play: read as WAV, refused by its length before it is decoded, mixed to
 * mono, low-pass filtered and resampled to 8 kHz 16-bit, written as a WAV file. A file that is no WAV at all is
 * refused as unsupported content (415); a broken, empty, too long or unreadable WAV file as an invalid field (422).
 */
public final class AudioConversion {

    /** The converted clip, and what the original was. */
    public record Converted(byte[] wav, Duration duration, String originalFormat, int originalRate, int originalChannels) {
    }

    private final Duration maxLength;

    public AudioConversion(Duration maxLength) {
        this.maxLength = maxLength;
    }

    public Converted convert(String field, byte[] upload) {
        if (upload.length == 0) {
            throw new InvalidFieldException(field, "is empty; send a WAV file");
        }
        WavFile file;
        try {
            file = WavReader.read(upload);
        } catch (WavFormatException e) {
            if (e.kind() == WavFormatException.Kind.NOT_WAV) {
                throw new UnsupportedMediaTypeException(field, e.getMessage() + "; send a WAV file (PCM, float, A-law or mu-law)");
            }
            throw new InvalidFieldException(field, e.getMessage());
        }
        if (file.duration().compareTo(maxLength) > 0) {
            throw new InvalidFieldException(field, "is " + seconds(file.duration()) + " long; at most " + seconds(maxLength)
                    + " are accepted");
        }
        short[] samples = new Resampler(file.sampleRate()).toOutputRate(file.mono());
        return new Converted(WavWriter.mono16(samples, Resampler.OUTPUT_RATE),
                Duration.ofMillis(samples.length * 1000L / Resampler.OUTPUT_RATE), file.encoding().wireName(), file.sampleRate(),
                file.channels());
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
