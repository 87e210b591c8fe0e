package io.vpbx.admin.domain.category;

import io.vpbx.admin.domain.WireName;
import java.util.Locale;

/** How beautiful (and so how expensive) a number is, from plain to rarest; declaration order is value order. */
public enum NumberCategory {
    REGULAR,
    BRONZE,
    SILVER,
    GOLD,
    PLATINUM,
    DIAMOND;

    private static final NumberCategory[] BY_RANK = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** "regular" ... "diamond". */
    public String wireName() {
        return wireName;
    }

    /** 0 for REGULAR up to 5 for DIAMOND; stored so that storage can sort and filter by value. */
    public int rank() {
        return ordinal();
    }

    /** This category lowered by {@code steps}, never below REGULAR. */
    public NumberCategory lowered(int steps) {
        return BY_RANK[Math.max(0, ordinal() - Math.max(0, steps))];
    }

    public static NumberCategory ofRank(int rank) {
        if (rank < 0 || rank >= BY_RANK.length) {
            throw new IllegalArgumentException("category rank must be 0.." + (BY_RANK.length - 1) + ", got " + rank);
        }
        return BY_RANK[rank];
    }

    /** Reads a wire name (case-insensitive); throws IllegalArgumentException naming the allowed values. */
    public static NumberCategory fromWire(String wire) {
        return WireName.lenient(NumberCategory.class, wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown category '" + wire + "', expected one of regular, bronze, silver, gold, platinum, diamond"));
    }
}
