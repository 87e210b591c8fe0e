package io.vpbx.admin.domain.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentExpiryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aPaperIsValidThroughItsLastDayAndExpiredTheDayAfter() {
        DocumentExpiry papers = new DocumentExpiry(null, null, TODAY);
        assertTrue(papers.expiredOn(TODAY).isEmpty());
        assertEquals(Optional.of(new DocumentExpiry.Dated("authorization_letter", TODAY)), papers.expiredOn(TODAY.plusDays(1)));
        assertEquals("authorization letter expired on 2026-11-23", papers.expiredOn(TODAY.plusDays(1)).orElseThrow().words());
    }

    @Test
    void theHoldersDocumentIsNamedFirstThenTheAgentsThenTheLetter() {
        DocumentExpiry all = new DocumentExpiry(TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3));
        assertEquals("document", all.expiredOn(TODAY).orElseThrow().subject());
        assertEquals("agent_document", new DocumentExpiry(null, TODAY.minusDays(2), TODAY.plusDays(3)).expiredOn(TODAY)
                .orElseThrow().subject());
        assertTrue(new DocumentExpiry(null, null, null).expiredOn(TODAY.plusYears(50)).isEmpty(), "undated papers never expire");
    }

    @Test
    void aReminderDayListsEveryPaperExpiringThatDay() {
        LocalDate day = TODAY.plusDays(7);
        assertEquals(List.of(new DocumentExpiry.Dated("agent_document", day), new DocumentExpiry.Dated("authorization_letter", day)),
                new DocumentExpiry(TODAY.plusYears(1), day, day).expiringOn(day));
    }
}
