package io.vpbx.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an operator's override file: the same {@code key=value} format as the defaults file, holding
 * only keys the defaults file declares.
 */
final class OverrideFile {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideFile.class);

    private OverrideFile() {
    }

    /**
     * Reads the file named by {@code location} (its text is the path, its source says whether it came
     * from {@code --config} or {@code VPBX_CONFIG}). Problems are added to {@code problems}; the returned
     * map holds the values that could be read.
     */
    static Map<String, SourcedValue> read(SourcedValue location, KeyCatalogue catalogue, List<String> problems) {
        String name = location.text();
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            problems.add("config file path '" + name + "' is not a valid path (from " + location.source() + ")");
            return Map.of();
        }
        if (name.isBlank() || !Files.exists(path)) {
            problems.add("config file not found: '" + name + "' (from " + location.source() + ")");
            return Map.of();
        }
        if (!Files.isRegularFile(path)) {
            problems.add("config file is not a regular file: '" + name + "' (from " + location.source() + ")");
            return Map.of();
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("cannot read config file '" + name + "' (from " + location.source() + "): " + e);
            return Map.of();
        }
        LOG.info("Reading configuration overrides from {} ({})", path.toAbsolutePath(), location.source());
        return entries(PropertiesText.parse(text), name, catalogue, problems);
    }

    private static Map<String, SourcedValue> entries(PropertiesText parsed, String name, KeyCatalogue catalogue,
            List<String> problems) {
        for (PropertiesText.Malformed line : parsed.malformed()) {
            problems.add("config file '" + name + "' line " + line.line() + ": expected key=value but got '"
                    + line.text() + "'");
        }
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        for (PropertiesText.Entry entry : parsed.entries()) {
            Integer earlier = lineOfKey.putIfAbsent(entry.key(), entry.line());
            if (!catalogue.contains(entry.key())) {
                problems.add("unknown key '" + entry.key() + "' in config file '" + name + "' line " + entry.line()
                        + " (see --help for the known keys)");
            } else if (earlier != null) {
                problems.add("key '" + entry.key() + "' is set twice in config file '" + name + "' (lines "
                        + earlier + " and " + entry.line() + ")");
            } else {
                values.put(entry.key(), new SourcedValue(entry.value(), "file " + name));
            }
        }
        return values;
    }
}
