package io.vpbx.admin.domain.identity;

/** A legal system whose number-binding law applies: the country the numbers belong to. */
public enum Jurisdiction {
    RU,
    CN
}
