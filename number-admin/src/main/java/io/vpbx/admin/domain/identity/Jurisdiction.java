package io.vpbx.admin.domain.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A legal system whose number-binding law applies: the country the numbers belong to. */
public enum Jurisdiction {
    RU(ZoneId.of("Europe/Moscow")),
    CN(ZoneId.of("Asia/Shanghai"));

    private final ZoneId zone;

    Jurisdiction(ZoneId zone) {
        this.zone = zone;
    }

    /** The date in force there: documents expire and people come of age by it. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
