package io.vpbx.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's files as built: every file in the folder is listed (and so served), the scripts stay within the
 * size budget, nothing builds HTML from strings or evaluates text, the two languages have the same keys, and the
 * start page has no inline script or style for the Content-Security-Policy to forbid.
 */
class ConsoleAssetsTest {
    /** The first page loads every module: their sum is what a browser fetches before it can draw. */
    private static final long SCRIPT_BUDGET_BYTES = 200 * 1024;
    private static final Path SOURCES = Path.of("src/main/resources/console");
    private static final Pattern KEY = Pattern.compile("^\\s*'([A-Za-z0-9_.]+)':", Pattern.MULTILINE);

    @Test
    void everyFileIsListedAndTheScriptsStayUnderTheBudget() throws IOException {
        ConsoleAssets assets = ConsoleAssets.fromClasspath();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(Files::isRegularFile).map(path -> SOURCES.relativize(path).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("index.html") && !name.equals("files.txt")).forEach(onDisk::add);
        }
        for (String name : onDisk) {
            assertTrue(assets.file(name).isPresent(), name + " is in the folder but not in files.txt: it would not be served");
        }
        assertTrue(assets.scriptBytes() < SCRIPT_BUDGET_BYTES, assets.scriptBytes() + " bytes of JavaScript");
        assertTrue(assets.fingerprint().matches("[0-9a-f]{12}"), assets.fingerprint());
        String index = new String(assets.index(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(index.contains("/console/" + assets.fingerprint() + "/js/app.js"), index);
        assertTrue(!index.contains("<script>") && !index.contains(" style=") && !Pattern.compile("\\son[a-z]+=").matcher(index).find(),
                "nothing inline");
    }

    @Test
    void noScriptBuildsHtmlFromStringsOrEvaluatesText() throws IOException {
        List<String> forbidden = List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "setTimeout('", "setInterval('");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).toList()) {
                String source = Files.readString(file);
                for (String word : forbidden) {
                    assertTrue(!source.contains(word), file + " uses " + word);
                }
            }
        }
    }

    @Test
    void russianAndEnglishHaveTheSameTexts() throws IOException {
        Set<String> english = keys(SOURCES.resolve("js/i18n-en.js"));
        Set<String> russian = keys(SOURCES.resolve("js/i18n-ru.js"));
        assertEquals(english, russian);
        assertTrue(english.size() > 100, english.size() + " texts");
    }

    private static Set<String> keys(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = KEY.matcher(Files.readString(file));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
