package io.vpbx.sip.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Premium-rate destination prefixes: the bundled list (premium-rate-prefixes.txt, with its sources) or another. */
public final class PremiumRatePrefixes {
    private static final String BUNDLED = "premium-rate-prefixes.txt";

    private final List<String> prefixes;

    public PremiumRatePrefixes(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    public static PremiumRatePrefixes none() {
        return new PremiumRatePrefixes(List.of());
    }

    public static PremiumRatePrefixes bundled() {
        try (InputStream in = PremiumRatePrefixes.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            List<String> prefixes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    prefixes.add(text);
                }
            }
            return new PremiumRatePrefixes(prefixes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean matches(String e164) {
        for (int i = 0; i < prefixes.size(); i++) {
            if (e164.startsWith(prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    public List<String> prefixes() {
        return prefixes;
    }
}
