package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's files over HTTP from a whole server: the start page is never cached and links its scripts under the
 * build's fingerprint; those are cached for a year; every answer carries the strict Content-Security-Policy; a file
 * of another build is 404 and not cached; the API beside it still wants its key.
 */
class ConsoleRoutesTest {
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/console/[0-9a-f]{12}/js/app\\.js)\"");

    @TempDir
    Path dataDir;
    private RunningServer running;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void theStartPageIsNeverCachedAndItsScriptsAreCachedForAYear() {
        Api.Response index = running.api.get("/", null);
        assertEquals(200, index.status());
        assertTrue(index.header("Content-Type").startsWith("text/html"), index.header("Content-Type"));
        assertEquals("no-cache", index.header("Cache-Control"));
        assertSecure(index);
        Matcher script = SCRIPT.matcher(index.body());
        assertTrue(script.find(), index.body());
        assertTrue(!index.body().contains("<script>") && !index.body().contains("style="), "nothing inline");

        Api.Response app = running.api.get(script.group(1), null);
        assertEquals(200, app.status());
        assertEquals("text/javascript; charset=utf-8", app.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", app.header("Cache-Control"));
        assertSecure(app);
    }

    @Test
    void anotherBuildsFileIsNotFoundAndNotCached() {
        Api.Response old = running.api.get("/console/000000000000/js/app.js", null);
        assertEquals(404, old.status());
        assertEquals("no-store", old.header("Cache-Control"));
        assertEquals("application/problem+json", old.header("Content-Type"));
        Matcher script = SCRIPT.matcher(running.api.get("/", null).body());
        assertTrue(script.find());
        String folder = script.group(1).substring(0, script.group(1).indexOf("/js/"));
        assertEquals(404, running.api.get(folder + "/files.txt", null).status(), "only the listed files are served");
        assertEquals(401, running.api.get("/v1/numbers", null).status(), "the API beside the console still wants a key");
    }

    private static void assertSecure(Api.Response response) {
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertTrue(policy.contains("script-src 'self';"), "no 'unsafe-inline' scripts: " + policy);
        assertTrue(policy.contains("style-src 'self';"), "no inline styles: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
    }
}
