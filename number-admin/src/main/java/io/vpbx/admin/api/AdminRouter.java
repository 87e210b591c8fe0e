package io.vpbx.admin.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vpbx.admin.domain.limits.LimitExceededException;
import io.vpbx.admin.store.StorageException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the admin API's router in one place: request id, metrics, bounded body, sign-in, authentication (API key or
 * session cookie) and rate limit for /v1, the resources' routes, and one failure handler answering problem+json.
 *
 * <p>Bodies are bounded per route: the CSV import may send up to {@code admin.max-body-bytes}, every other
 * route {@code api.max-json-body-bytes}. A body over its limit gets 413 as soon as its Content-Length
 * announces it, or as soon as that many bytes have arrived; nothing beyond the limit is kept. A media upload may
 * send {@code media.max-upload-size} (and a little more for a multipart form's headers); its multipart file part is
 * written to a temporary file under the uploads directory, deleted when the answer has gone.
 */
public final class AdminRouter {
    private static final Logger log = LoggerFactory.getLogger(AdminRouter.class);

    /** What a multipart form may add to the file it carries: boundaries, part headers, the name field. */
    private static final long MULTIPART_ALLOWANCE = 64 * 1024;

    private final AuthenticationHandler authentication;
    private final MeterRegistry registry;
    private final long maxImportBytes;
    private final long maxJsonBytes;
    private final long maxUploadBytes;
    /** Document files are read into memory, never to a temporary file: their plain bytes stay off the disk. */
    private final long maxDocumentFileBytes;
    private final Path uploadsDirectory;
    private final Exchange exchange;
    private final ProblemMapper problems = new ProblemMapper();

    AdminRouter(AuthenticationHandler authentication, MeterRegistry registry, long maxImportBytes, long maxJsonBytes,
                long maxUploadBytes, long maxDocumentFileBytes, Path uploadsDirectory, Exchange exchange) {
        this.maxDocumentFileBytes = maxDocumentFileBytes;
        this.authentication = authentication;
        this.registry = registry;
        this.maxImportBytes = maxImportBytes;
        this.maxJsonBytes = maxJsonBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadsDirectory = uploadsDirectory;
        this.exchange = exchange;
    }

    /**
     * {@code signInRoutes}: what a person does before having a session (sign in, accept an invitation), under /v1 with
     * its bounded JSON body but ahead of authentication.
     */
    public Router build(Vertx vertx, List<Routes> publicRoutes, List<Routes> signInRoutes, List<Routes> apiRoutes) {
        Router router = Router.router(vertx);
        router.route().handler(new RequestIdHandler());
        router.route().handler(new HttpMetricsHandler(registry));
        router.route().handler(new AccessLogHandler());
        publicRoutes.forEach(routes -> routes.mount(router));
        router.post(CatalogRoutes.IMPORT_PATH).handler(BodyHandler.create(false).setBodyLimit(maxImportBytes));
        router.post(MediaRoutes.PATH).handler(BodyHandler.create(uploadsDirectory.toString())
                .setBodyLimit(maxUploadBytes + MULTIPART_ALLOWANCE).setDeleteUploadedFilesOnEnd(true));
        router.post(MediaRoutes.PATH).failureHandler(rc -> nameTheFile(rc, maxUploadBytes, "media.max-upload-size"));
        router.post(EndUserFileRoutes.PATH).handler(BodyHandler.create(false).setBodyLimit(maxDocumentFileBytes));
        router.post(EndUserFileRoutes.PATH).failureHandler(rc -> nameTheFile(rc, maxDocumentFileBytes, "compliance.max-document-file-size"));
        router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxJsonBytes));
        signInRoutes.forEach(routes -> routes.mount(router));
        router.route("/v1/*").handler(authentication);
        apiRoutes.forEach(routes -> routes.mount(router));
        router.route().failureHandler(rc -> answer(rc, problems.toProblem(rc.failure(), rc.statusCode(), rc.request().path(),
                rc.get(Exchange.REQUEST_ID_KEY))));
        for (int status : new int[] {400, 404, 405, 413}) {
            // what no route handled, such as a path or query that is not valid percent-encoding (400 while matching)
            router.errorHandler(status, rc -> answer(rc, problems.toProblem(null, status, rc.request().path(),
                    rc.get(Exchange.REQUEST_ID_KEY))));
        }
        return router;
    }

    /** An upload over its limit is refused naming the file, like every other refusal of an upload. */
    private void nameTheFile(RoutingContext rc, long limit, String key) {
        if (rc.failure() == null && rc.statusCode() == 413) {
            rc.fail(new ApiException(413, "file", "the upload is over " + limit + " bytes (" + key + ")", 0));
        } else {
            rc.next();
        }
    }

    private void answer(RoutingContext rc, Problem problem) {
        if (rc.response().ended()) {
            return;
        }
        String requestId = problem.requestId();
        if (problem.status() >= 500 && !(rc.failure() instanceof StorageException storage && storage.unreachable())) {
            log.error("request {} {} {} failed", requestId, rc.request().method(), rc.request().path(), rc.failure());
        }
        if (rc.failure() instanceof ApiException api && api.retryAfterSeconds() > 0) {
            rc.response().putHeader("Retry-After", Long.toString(api.retryAfterSeconds()));
        }
        if (rc.failure() instanceof LimitExceededException limit && limit.retryAfterSeconds() > 0) {
            rc.response().putHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
        }
        if (rc.failure() instanceof StorageException storage && storage.unreachable()) {
            rc.response().putHeader("Retry-After", Long.toString(storage.retryAfterSeconds()));
        }
        try {
            rc.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", "application/problem+json")
                    .end(exchange.mapper().writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            rc.response().setStatusCode(500).end();
        }
    }
}
