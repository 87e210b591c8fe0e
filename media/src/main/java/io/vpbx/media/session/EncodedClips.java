package io.vpbx.media.session;

import io.vpbx.media.AudioClip;
import io.vpbx.media.Codec;
import io.vpbx.telephony.audio.G711;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Clips encoded per codec, once: clips are immutable, so a greeting played to a thousand callers is companded
 * once per codec. The cache holds a clip's encoding as long as someone holds the clip (weak keys), so it is bounded
 * by the media library's own cache. Encodings are padded with the codec's silence to whole 20 ms frames.
 */
public final class EncodedClips {

    private final Map<Codec, Map<AudioClip, byte[]>> byCodec = new EnumMap<>(Codec.class);

    public EncodedClips() {
        for (Codec codec : Codec.values()) {
            byCodec.put(codec, Collections.synchronizedMap(new WeakHashMap<>()));
        }
    }

    public byte[] encoded(AudioClip clip, Codec codec) {
        return byCodec.get(codec).computeIfAbsent(clip, c -> encode(c.samples(), codec));
    }

    /** G.711 of the samples, padded with encoded silence to a multiple of {@link Codec#SAMPLES_PER_PACKET}. */
    public static byte[] encode(short[] samples, Codec codec) {
        int frames = (samples.length + Codec.SAMPLES_PER_PACKET - 1) / Codec.SAMPLES_PER_PACKET;
        byte[] out = new byte[frames * Codec.SAMPLES_PER_PACKET];
        for (int i = 0; i < out.length; i++) {
            short sample = i < samples.length ? samples[i] : 0;
            out[i] = codec == Codec.PCMU ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
        }
        return out;
    }

    /** Decodes one payload to linear samples. */
    public static short[] decode(byte[] payload, Codec codec) {
        short[] samples = new short[payload.length];
        for (int i = 0; i < payload.length; i++) {
            samples[i] = codec == Codec.PCMU ? G711.ulawToLinear(payload[i]) : G711.alawToLinear(payload[i]);
        }
        return samples;
    }
}
