package io.vpbx.admin.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** COPY text rows; the round trip through a real PostgreSQL is in CallRecordStorePostgresTest. */
class CopyTextTest {

    @Test
    void fieldsAreTabSeparatedRowsEndWithANewlineAndNullIsBackslashN() {
        CopyText rows = new CopyText(16).text("a").text(null).number(-42).endRow().text("b").endRow();
        assertEquals("a\t\\N\t-42\nb\n", rows.toString());
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedAndNulDropped() {
        assertEquals("x\\\\N\\ty\\nz\\r!\n", new CopyText(16).text("x\\N\ty\nz\r\0!").endRow().toString());
    }

    @Test
    void instantsAreUtcWithTheirFractionAndNullIsBackslashN() {
        CopyText rows = new CopyText(64).instant(Instant.parse("2026-01-02T03:04:05.123456Z"))
                .instant(Instant.parse("1999-12-31T23:59:59Z")).instant(null).endRow();
        assertEquals("2026-01-02 03:04:05.123456+00\t1999-12-31 23:59:59+00\t\\N\n", rows.toString());
    }

    @Test
    void bytesAreUtf8() {
        assertArrayEquals("Пётр \uD83D\uDCDE\n".getBytes(StandardCharsets.UTF_8),
                new CopyText(8).text("Пётр \uD83D\uDCDE").endRow().utf8());
    }
}
