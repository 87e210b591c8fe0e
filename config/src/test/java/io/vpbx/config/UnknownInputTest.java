package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownInputTest {

    @TempDir
    Path dir;

    private static List<String> problems(String[] args, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(args, env)).problems();
    }

    @Test
    void unknownVpbxEnvironmentVariableFailsNamingIt() {
        List<String> problems = problems(new String[0], Map.of("VPBX_ADMIN_PROT", "8081", "OTHER_VAR", "x"));
        assertEquals(List.of("unknown environment variable VPBX_ADMIN_PROT: it maps to no configuration key"
                + " (see --help for the known keys)"), problems);
    }

    @Test
    void unknownFlagFailsNamingIt() {
        List<String> problems = problems(new String[] {"--admin.prot=8081", "--sip.relm", "x"}, Map.of());
        assertEquals(List.of("unknown flag --admin.prot (see --help for the known keys)",
                "unknown flag --sip.relm (see --help for the known keys)"), problems);
    }

    @Test
    void strayArgumentAndMissingFlagValueFail() {
        List<String> problems = problems(new String[] {"serve", "--admin.port"}, Map.of());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unexpected argument 'serve'"), problems.get(0));
        assertTrue(problems.get(1).startsWith("flag --admin.port needs a value"), problems.get(1));
    }

    @Test
    void unknownFileKeyFailsNamingKeyAndFile() throws IOException {
        Path file = dir.resolve("site.properties");
        Files.writeString(file, "admin.port=9000\n# typo below\nsip.relam=example.org\n");
        List<String> problems = problems(new String[] {"--config=" + file}, Map.of());
        assertEquals(List.of("unknown key 'sip.relam' in config file '" + file + "' line 3"
                + " (see --help for the known keys)"), problems);
    }

    @Test
    void malformedAndDuplicateFileLinesFail() throws IOException {
        Path file = dir.resolve("site.properties");
        Files.writeString(file, "admin.port=9000\njust some words\nadmin.port=9001\n");
        List<String> problems = problems(new String[] {"--config=" + file}, Map.of());
        assertEquals(List.of(
                "config file '" + file + "' line 2: expected key=value but got 'just some words'",
                "key 'admin.port' is set twice in config file '" + file + "' (lines 1 and 3)"), problems);
    }

    @Test
    void missingConfigFileFromFlagFailsNamingPath() {
        Path missing = dir.resolve("nope.properties");
        List<String> problems = problems(new String[] {"--config", missing.toString()}, Map.of());
        assertEquals(List.of("config file not found: '" + missing + "' (from flag --config)"), problems);
    }

    @Test
    void missingConfigFileFromEnvironmentFailsNamingPath() {
        Path missing = dir.resolve("gone.properties");
        List<String> problems = problems(new String[0], Map.of("VPBX_CONFIG", missing.toString()));
        assertEquals(List.of("config file not found: '" + missing + "' (from env VPBX_CONFIG)"), problems);
    }

    @Test
    void directoryAsConfigFileFails() {
        List<String> problems = problems(new String[] {"--config=" + dir}, Map.of());
        assertEquals(List.of("config file is not a regular file: '" + dir + "' (from flag --config)"), problems);
    }
}
