package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.media.Media;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.media.MediaService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * /v1/media: an account's recorded messages. An upload is either multipart/form-data (a {@code file} part and an
 * optional {@code name} field) or the WAV file itself as the body ({@code audio/wav}) with {@code ?name=}; the body
 * is bounded by {@code media.max-upload-size} ({@link AdminRouter} reads it, multipart parts to a temporary file).
 * {@code GET /v1/media/{id}/audio} answers the converted clip, 8 kHz mono 16-bit WAV.
 */
final class MediaRoutes implements Routes {
    static final String PATH = "/v1/media";
    private static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave");
    private static final String DEFAULT_NAME = "untitled";

    private final MediaService media;
    private final long maxUploadBytes;
    private final Exchange exchange;
    private final Query query;

    MediaRoutes(MediaService media, long maxUploadBytes, Exchange exchange, Query query) {
        this.media = media;
        this.maxUploadBytes = maxUploadBytes;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post(PATH).handler(Query.takes("name")).handler(this::upload);
        router.get(PATH).handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get(PATH + "/:id").handler(Query.takesNone()).handler(this::get);
        router.get(PATH + "/:id/audio").handler(Query.takesNone()).handler(this::audio);
        router.delete(PATH + "/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void upload(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String type = mediaType(rc.request().getHeader("Content-Type"));
        String queryName = query.text(rc, "name");
        if (type.equals("multipart/form-data")) {
            FileUpload file = filePart(rc);
            requireWithinLimit(file.size());
            List<String> formNames = rc.request().formAttributes().getAll("name");
            if (formNames.size() > 1 || (!formNames.isEmpty() && queryName != null)) {
                throw new InvalidFieldException("name", "is given more than once");
            }
            String name = !formNames.isEmpty() ? formNames.get(0) : queryName != null ? queryName : fromFileName(file.fileName());
            Path stored = Path.of(file.uploadedFileName());
            exchange.blocking(rc, 201, () -> view(media.upload(ctx, name, Files.readAllBytes(stored))));
        } else if (WAV_TYPES.contains(type)) {
            byte[] body = rc.body() == null || rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
            requireWithinLimit(body.length);
            exchange.blocking(rc, 201, () -> view(media.upload(ctx, queryName == null ? DEFAULT_NAME : queryName, body)));
        } else {
            throw new ApiException(415, "Content-Type", "send a WAV file as multipart/form-data (a 'file' part) or as the body "
                    + "with Content-Type: audio/wav", 0);
        }
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<Media> page = media.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(clip -> items.add(view(clip)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(media.get(ctx, rc.pathParam("id"))));
    }

    private void audio(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        String id = rc.pathParam("id");
        exchange.offLoop(() -> media.audio(ctx, id))
                .onSuccess(wav -> rc.response().putHeader("Content-Type", "audio/wav")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9-]", "_") + ".wav\"")
                        .end(Buffer.buffer(wav)))
                .onFailure(rc::fail);
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            media.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private static FileUpload filePart(RoutingContext rc) {
        for (String field : rc.request().formAttributes().names()) {
            if (!field.equals("name")) {
                throw new InvalidFieldException("body", "an upload's form has the parts 'file' and 'name' only");
            }
        }
        List<FileUpload> uploads = rc.fileUploads();
        if (uploads.stream().anyMatch(upload -> !upload.name().equals("file"))) {
            throw new InvalidFieldException("body", "an upload's form has the parts 'file' and 'name' only");
        }
        if (uploads.isEmpty()) {
            throw new InvalidFieldException("file", "is required: a multipart part named 'file' holding the WAV file");
        }
        if (uploads.size() > 1) {
            throw new InvalidFieldException("file", "one file per upload");
        }
        return uploads.get(0);
    }

    private void requireWithinLimit(long size) {
        if (size > maxUploadBytes) {
            throw new ApiException(413, "file", "the file is " + size + " bytes; at most " + maxUploadBytes
                    + " are accepted (media.max-upload-size)", 0);
        }
    }

    /** The name a clip gets from its file name when none is given: "greeting.wav" becomes "greeting". */
    private static String fromFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return DEFAULT_NAME;
        }
        String base = fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isBlank() ? DEFAULT_NAME : name;
    }

    private static String mediaType(String header) {
        return header == null ? "" : header.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private ObjectNode view(Media clip) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", clip.id())
                .put("name", clip.name())
                .put("duration_ms", clip.duration().toMillis());
        node.putObject("audio").put("format", "pcm_s16").put("sample_rate", 8000).put("channels", 1)
                .put("url", PATH + "/" + clip.id() + "/audio");
        node.putObject("original").put("format", clip.originalFormat()).put("sample_rate", clip.originalRate())
                .put("channels", clip.originalChannels());
        node.put("created_at", clip.createdAt().toString());
        return node;
    }
}
