package io.vpbx.server;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a browser test fails, keeps what the browser showed: a PNG screenshot and the page's DOM under the build
 * folder ({@code target-*}/console-screenshots/Class-method.png and .html), named in the log.
 */
final class ScreenshotOnFailure implements TestWatcher {
    private static final Logger log = LoggerFactory.getLogger(ScreenshotOnFailure.class);

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (!(context.getTestInstance().orElse(null) instanceof ConsoleBrowser.User user) || user.browser() == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Path folder = buildFolder().resolve("console-screenshots");
            Files.createDirectories(folder);
            Path png = folder.resolve(name + ".png");
            Files.write(png, user.browser().screenshot());
            Files.writeString(folder.resolve(name + ".html"), user.browser().driver.getPageSource());
            log.warn("{} failed at {}; the browser showed {}", name, user.browser().driver.getCurrentUrl(), png);
        } catch (IOException | RuntimeException | URISyntaxException e) {
            log.warn("{} failed and its screenshot could not be kept", name, e);
        }
    }

    /** The module's build folder (target, or target-<name> with -Dvpbx.build.dir): where test-classes lies. */
    private static Path buildFolder() throws URISyntaxException {
        return Path.of(ScreenshotOnFailure.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
