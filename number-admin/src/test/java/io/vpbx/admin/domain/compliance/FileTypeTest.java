package io.vpbx.admin.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void theFirstBytesTellTheType() {
        assertEquals(Optional.of(FileType.PDF), FileType.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileType.PNG), FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}));
        assertEquals(Optional.of(FileType.JPEG), FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB}));
    }

    @Test
    void anythingElseIsNoDocumentFile() {
        assertEquals(Optional.empty(), FileType.detect(new byte[0]));
        assertEquals(Optional.empty(), FileType.detect("%PD".getBytes(StandardCharsets.US_ASCII)), "too short for a signature");
        assertEquals(Optional.empty(), FileType.detect("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileType.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)), "the signature must come first");
        assertEquals(Optional.of(FileType.PDF), FileType.ofMediaType("application/pdf"));
        assertEquals(Optional.empty(), FileType.ofMediaType("text/plain"));
    }
}
