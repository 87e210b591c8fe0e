package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.compliance.EndUserFiles;
import java.util.Locale;

/**
 * /v1/end-users/{id}/files: documents on file for an end user. An upload is the file itself as the body (PDF, PNG or
 * JPEG, at most {@code compliance.max-document-file-size}, read into memory by {@link AdminRouter} so that the plain
 * bytes never touch the disk) with {@code ?purpose=} and {@code ?expires_on=}; a download answers the bytes to the
 * owning account or the operator, {@code Cache-Control: no-store}.
 */
final class EndUserFileRoutes implements Routes {
    static final String PATH = "/v1/end-users/:id/files";

    private final EndUserFiles files;
    private final Exchange exchange;
    private final Query query;

    EndUserFileRoutes(EndUserFiles files, Exchange exchange, Query query) {
        this.files = files;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post(PATH).handler(Query.takes("purpose", "expires_on")).handler(this::upload);
        router.get(PATH).handler(Query.takesNone()).handler(this::list);
        router.get(PATH + "/:file/content").handler(Query.takesNone()).handler(this::download);
    }

    private void upload(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        byte[] body = rc.body() == null || rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        if (body.length > files.maxBytes()) {
            throw new ApiException(413, "file", "the file is " + body.length + " bytes; at most " + files.maxBytes()
                    + " are accepted (compliance.max-document-file-size)", 0);
        }
        String declared = mediaType(rc.request().getHeader("Content-Type"));
        EndUserFiles.Upload upload = new EndUserFiles.Upload(query.text(rc, "purpose"), query.text(rc, "expires_on"), declared, body);
        String endUserId = rc.pathParam("id");
        exchange.blocking(rc, 201, () -> view(endUserId, files.upload(ctx, endUserId, upload)));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String endUserId = rc.pathParam("id");
        exchange.blocking(rc, 200, () -> {
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            files.list(ctx, endUserId).forEach(file -> items.add(view(endUserId, file)));
            return body;
        });
    }

    private void download(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String endUserId = rc.pathParam("id");
        String fileId = rc.pathParam("file");
        exchange.offLoop(() -> files.download(ctx, endUserId, fileId))
                .onSuccess(download -> rc.response().putHeader("Content-Type", download.file().type().mediaType())
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + download.file().purpose().wireName() + "-"
                                + download.file().id().replaceAll("[^A-Za-z0-9-]", "_") + extension(download.file()) + "\"")
                        .end(Buffer.buffer(download.content())))
                .onFailure(rc::fail);
    }

    private ObjectNode view(String endUserId, DocumentFile file) {
        return exchange.mapper().createObjectNode()
                .put("id", file.id())
                .put("purpose", file.purpose().wireName())
                .put("content_type", file.type().mediaType())
                .put("size_bytes", file.sizeBytes())
                .put("expires_on", file.expiresOn() == null ? null : file.expiresOn().toString())
                .put("created_at", file.createdAt().toString())
                .put("url", "/v1/end-users/" + endUserId + "/files/" + file.id() + "/content");
    }

    private static String extension(DocumentFile file) {
        return switch (file.type()) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            case JPEG -> ".jpg";
        };
    }

    private static String mediaType(String header) {
        return header == null ? "" : header.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
