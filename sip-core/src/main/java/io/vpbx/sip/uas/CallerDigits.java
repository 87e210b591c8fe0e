package io.vpbx.sip.uas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys a simulated caller presses: one entry per question (a menu's prompt, a collect), pressed key by key while
 * the script waits. An entry is used up when the script has taken its answer (a menu's digit, a collect's digits, no
 * input); an entry of no keys is silence, the wait runs out. When the keys of an entry are all pressed and the script
 * still waits (a collect without its terminator), the wait runs out as it would for a caller who stopped typing.
 */
final class CallerDigits {
    private final List<String> entries;
    private int entry;
    private int key;

    CallerDigits(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The next key of the current entry, if it has one left. */
    Optional<Character> next() {
        if (entry < entries.size() && key < entries.get(entry).length()) {
            return Optional.of(entries.get(entry).charAt(key++));
        }
        return Optional.empty();
    }

    /** The script took an answer: the next question gets the next entry. */
    void answered() {
        if (entry < entries.size()) {
            entry++;
            key = 0;
        }
    }

    /** The indexes of entries no question took. */
    List<Integer> unused() {
        List<Integer> left = new ArrayList<>();
        for (int i = entry; i < entries.size(); i++) {
            left.add(i);
        }
        return left;
    }
}
