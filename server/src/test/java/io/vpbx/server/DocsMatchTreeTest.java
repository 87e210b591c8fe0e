package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's two maps stay true: every class docs/ARCHITECTURE.md names exists (at the package path it
 * gives, with the method it names), and README's layout table lists exactly the modules and top-level packages
 * that are in the tree.
 */
class DocsMatchTreeTest {

    /** Library classes the walk-through names on purpose; anything else must be ours. */
    private static final Set<String> LIBRARY_CLASSES = Set.of("SslHandler", "HikariDataSource", "Flyway");

    /** `transport/SipDatagramHandler`, `ProxyCore.receive`, `Query.takesNone()`; all capitals (`CONTINUE`) is a constant. */
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "^((?:[a-z][a-z0-9]*/)*)([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([A-Za-z][A-Za-z0-9]*)(?:\\(\\))?)?$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

    private final Path root = repositoryRoot();
    private final Map<String, List<Path>> sourcesByClass = mainSources(root);

    @Test
    void everyClassTheArchitectureWalkNamesExists() throws IOException {
        String doc = Files.readString(root.resolve("docs/ARCHITECTURE.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String span : codeSpans(doc)) {
            Matcher reference = CLASS_REFERENCE.matcher(span);
            if (!reference.matches() || LIBRARY_CLASSES.contains(reference.group(2))) {
                continue;
            }
            checked++;
            String problem = problemWith(reference.group(1), reference.group(2), reference.group(3));
            if (problem != null) {
                missing.add("`" + span + "`: " + problem);
            }
        }
        assertTrue(checked > 40, "the walk-through should name the classes it passes through, found " + checked);
        assertEquals(List.of(), missing, "docs/ARCHITECTURE.md names classes that are not in the tree");
    }

    @Test
    void readmeLayoutTableListsTheModulesAndTheirPackages() throws IOException {
        Map<String, String> rows = layoutRows(Files.readString(root.resolve("README.md")));
        List<String> problems = new ArrayList<>();
        for (String module : pomModules()) {
            String description = rows.get(module);
            if (description == null) {
                problems.add("module " + module + " has no row");
                continue;
            }
            Set<String> named = codeSpans(description);
            for (String pkg : topLevelPackages(root.resolve(module))) {
                if (!named.contains(pkg)) {
                    problems.add(module + ": package `" + pkg + "` is not described");
                }
            }
            for (String word : named) {
                if (word.matches("[a-z][a-z0-9]*") && !topLevelPackages(root.resolve(module)).contains(word)) {
                    problems.add(module + ": `" + word + "` is described but is no package of the module");
                }
            }
        }
        for (String entry : rows.keySet()) {
            if (!Files.isDirectory(root.resolve(entry))) {
                problems.add("row `" + entry + "` names no folder");
            }
        }
        assertEquals(List.of(), problems, "README's layout table does not match the tree");
    }

    private String problemWith(String packagePath, String className, String member) {
        List<Path> candidates = sourcesByClass.getOrDefault(className, List.of()).stream()
                .filter(path -> packagePath.isEmpty()
                        || path.toString().replace('\\', '/').endsWith("/" + packagePath + className + ".java"))
                .toList();
        if (candidates.isEmpty()) {
            return sourcesByClass.containsKey(className)
                    ? "no " + className + " in a package " + packagePath
                    : "no class " + className;
        }
        if (member == null) {
            return null;
        }
        Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + "\\b");
        boolean declared = candidates.stream().anyMatch(path -> word.matcher(read(path)).find());
        return declared ? null : className + " has no " + member;
    }

    private static Set<String> codeSpans(String text) {
        Set<String> spans = new TreeSet<>();
        Matcher matcher = CODE_SPAN.matcher(text);
        while (matcher.find()) {
            spans.add(matcher.group(1).trim());
        }
        return spans;
    }

    /** First cell (a folder in backticks) -> second cell, from the table under "## Layout". */
    private static Map<String, String> layoutRows(String readme) {
        int start = readme.indexOf("\n## Layout");
        assertTrue(start >= 0, "README has a ## Layout section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> rows = new HashMap<>();
        Pattern row = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$", Pattern.MULTILINE);
        Matcher matcher = row.matcher(section);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.group(2));
        }
        return rows;
    }

    private List<String> pomModules() throws IOException {
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        assertTrue(modules.size() >= 4, "the root pom lists the modules");
        return modules;
    }

    /** The folders right under each of the module's base packages (src/main/java/io/vpbx/x/...). */
    private static Set<String> topLevelPackages(Path module) {
        Path vpbx = module.resolve("src/main/java/io/vpbx");
        Set<String> packages = new TreeSet<>();
        for (Path base : children(vpbx)) {
            for (Path pkg : children(base)) {
                packages.add(pkg.getFileName().toString());
            }
        }
        return packages;
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<Path>> mainSources(Path root) {
        Map<String, List<Path>> byClass = new HashMap<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            files.filter(path -> path.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(path -> path.getFileName().toString().endsWith(".java"))
                    .forEach(path -> byClass.computeIfAbsent(
                            path.getFileName().toString().replace(".java", ""), name -> new ArrayList<>()).add(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byClass;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/ARCHITECTURE.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
