package io.vpbx.admin.domain.category;

import java.util.Map;

/**
 * A rule's reason sentence. Params are filled in once at load ("{length} identical digits at the
 * end" becomes "7 identical digits at the end"); {match} (the matched digits) and {found} (the
 * measured run length or digit count) are filled in per number, only after a match.
 */
final class ReasonTemplate {

    private static final String MATCH = "{match}";
    private static final String FOUND = "{found}";

    private final String text;
    private final boolean dynamic;

    private ReasonTemplate(String text) {
        this.text = text;
        this.dynamic = text.contains(MATCH) || text.contains(FOUND);
    }

    static ReasonTemplate compile(String ruleId, String template, Map<String, String> params) {
        String text = template;
        for (Map.Entry<String, String> param : params.entrySet()) {
            text = text.replace("{" + param.getKey() + "}", param.getValue().trim());
        }
        String rest = text.replace(MATCH, "").replace(FOUND, "");
        int open = rest.indexOf('{');
        if (open >= 0) {
            int close = rest.indexOf('}', open);
            String placeholder = close > open ? rest.substring(open, close + 1) : rest.substring(open);
            throw new IllegalArgumentException("rule '" + ruleId + "': field 'reason' uses unknown placeholder "
                    + placeholder + " (known: {match}, {found} and the rule's params)");
        }
        return new ReasonTemplate(text);
    }

    String render(byte[] window, Match match) {
        if (!dynamic) {
            return text;
        }
        return text.replace(MATCH, match.digits(window)).replace(FOUND, Integer.toString(match.found()));
    }
}
