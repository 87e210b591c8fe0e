package io.vpbx.admin.service;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.number.InvalidPhoneNumberException;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Normalises lists of numbers from requests, naming the position of a bad one ({@code numbers[3]}). */
public final class NumberInputs {
    private final PhoneNumberParser parser;

    public NumberInputs(PhoneNumberParser parser) {
        this.parser = parser;
    }

    public String one(String field, String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return parser.parse(input).e164();
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    public List<String> list(String field, List<String> inputs, int max) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidFieldException(field, "must list at least one number");
        }
        if (inputs.size() > max) {
            throw new InvalidFieldException(field, "at most " + max + " numbers at once, got " + inputs.size());
        }
        LinkedHashSet<String> e164s = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            e164s.add(one(field + "[" + i + "]", inputs.get(i)));
        }
        return new ArrayList<>(e164s);
    }
}
