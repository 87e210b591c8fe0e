package io.vpbx.admin.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dated papers an end user's numbers rest on: the holder's document, the agent's document and the agent's
 * authorization letter. Any of them past its date makes the holder's documents expired (the same one-way suspension
 * as a forged one); a date absent never expires.
 */
public record DocumentExpiry(LocalDate document, LocalDate agentDocument, LocalDate authorizationLetter) {

    /** One dated paper: what it is ("document", "agent_document", "authorization_letter") and its last valid day. */
    public record Dated(String subject, LocalDate expiresOn) {
        public String words() {
            return subject.replace('_', ' ') + " expired on " + expiresOn;
        }
    }

    public static DocumentExpiry of(EndUser endUser, LocalDate letterExpiresOn) {
        return new DocumentExpiry(endUser.documentExpiresOn(), endUser.agentDocumentExpiresOn(), letterExpiresOn);
    }

    /** The first paper whose last valid day is before {@code today}. */
    public Optional<Dated> expiredOn(LocalDate today) {
        return dated().stream().filter(d -> d.expiresOn().isBefore(today)).findFirst();
    }

    /** The papers whose last valid day is exactly {@code day}: what a reminder for that day is about. */
    public List<Dated> expiringOn(LocalDate day) {
        return dated().stream().filter(d -> d.expiresOn().equals(day)).toList();
    }

    private List<Dated> dated() {
        List<Dated> all = new ArrayList<>();
        if (document != null) {
            all.add(new Dated("document", document));
        }
        if (agentDocument != null) {
            all.add(new Dated("agent_document", agentDocument));
        }
        if (authorizationLetter != null) {
            all.add(new Dated("authorization_letter", authorizationLetter));
        }
        return all;
    }
}
