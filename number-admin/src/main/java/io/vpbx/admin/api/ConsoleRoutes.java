package io.vpbx.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The web console: {@code /} answers the start page (never cached, so a new build shows at once) and
 * {@code /console/<fingerprint>/...} its scripts and styles (cached for a year: the fingerprint changes with them).
 * The console is plain files over the same /v1 API; nothing here decides anything for it.
 *
 * <p>Every answer carries a strict Content-Security-Policy: scripts, styles, images and audio only from this
 * origin, no inline script or style, no framing, no plugins; with {@code nosniff} and no Referer sent elsewhere,
 * so that text a user typed (a comment, a name) can never run as code even if a page slipped.
 */
final class ConsoleRoutes implements Routes {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String YEAR = "public, max-age=31536000, immutable";

    private final ConsoleAssets assets;

    ConsoleRoutes(ConsoleAssets assets) {
        this.assets = assets;
    }

    @Override
    public void mount(Router router) {
        router.get("/").handler(this::index);
        router.get(ConsoleAssets.ROOT + "*").handler(this::file);
    }

    private void index(RoutingContext rc) {
        secure(rc.response()).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").end(Buffer.buffer(assets.index()));
    }

    private void file(RoutingContext rc) {
        String prefix = ConsoleAssets.ROOT + assets.fingerprint() + "/";
        String path = rc.normalizedPath();
        HttpServerResponse response = secure(rc.response());
        Optional<ConsoleAssets.Asset> asset = path.startsWith(prefix) ? assets.file(path.substring(prefix.length())) : Optional.empty();
        if (asset.isEmpty()) {
            // an old build's file or a typo: not cached, lest it hide the next build's; problem+json as every 404
            response.putHeader("Cache-Control", "no-store");
            rc.fail(404);
            return;
        }
        response.putHeader("Content-Type", asset.get().contentType()).putHeader("Cache-Control", YEAR)
                .end(Buffer.buffer(asset.get().bytes()));
    }

    private static HttpServerResponse secure(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
