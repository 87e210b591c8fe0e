package io.vpbx.admin.domain.compliance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of document file accepted, told by their first bytes (the declared Content-Type is a claim, the bytes
 * are the file): PDF ({@code %PDF-}), PNG (its 8-byte signature) and JPEG ({@code FF D8 FF}).
 */
public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String mediaType;
    private final byte[] signature;

    FileType(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose signature {@code content} starts with; empty for anything else. */
    public static Optional<FileType> detect(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.starts(content)).findFirst();
    }

    public static Optional<FileType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }

    private boolean starts(byte[] content) {
        return content.length >= signature.length && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
