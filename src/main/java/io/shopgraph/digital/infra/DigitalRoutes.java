package io.shopgraph.digital.infra;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.shopgraph.digital.application.Downloads;
import io.shopgraph.digital.application.FileStorage;
import io.shopgraph.digital.application.Uploads;
import io.shopgraph.digital.domain.DigitalRules;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The two plain HTTP endpoints of digital goods. {@code GET /downloads/{token}}: 404 for an unknown link, 410 for
 * one that expired, is used up or lost its file, else the file as an attachment (counted before the first byte;
 * no database connection held while it streams). {@code PUT /uploads/{token}}: the body is the file, exactly the
 * declared size; 404 for an unknown or expired token, 400 for a body of another size, else 200. Neither answer
 * says more than its status.
 */
@ApplicationScoped
public class DigitalRoutes {

    private static final Logger LOG = Logger.getLogger(DigitalRoutes.class);

    private final Downloads downloads;
    private final Uploads uploads;
    private final FileStorage storage;

    DigitalRoutes(Downloads downloads, Uploads uploads, FileStorage storage) {
        this.downloads = downloads;
        this.uploads = uploads;
        this.storage = storage;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/downloads/:token").blockingHandler(this::download, false);
        // Before Quarkus's body-size check (order -2, quarkus.http.limits.max-body-size, 2M for GraphQL): an upload is bounded by
        // the size its token declared (at most shopgraph.digital.uploads.max-bytes) and streamed to disk, never buffered.
        router.route(HttpMethod.PUT, "/uploads/:token").order(-10).handler(this::upload);
    }

    private void download(RoutingContext ctx) {
        Downloads.Outcome outcome;
        try {
            outcome = downloads.download(ctx.pathParam("token"));
        } catch (RuntimeException e) {
            LOG.error("Download failed", e);
            end(ctx, 503, "unavailable");
            return;
        }
        if (outcome instanceof Downloads.Send send) {
            Optional<Path> path = storage.localPath(send.storageKey());
            if (path.isEmpty()) {
                LOG.errorf("The bytes of a READY file are missing from storage (%s)", send.storageKey());
                end(ctx, 410, "gone");
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, send.contentType())
                    .putHeader("Content-Disposition", DigitalRules.contentDisposition(send.fileName()))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .sendFile(path.get().toString());
        } else if (outcome instanceof Downloads.Gone) {
            end(ctx, 410, "gone");
        } else {
            end(ctx, 404, "not_found");
        }
    }

    private void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String token = ctx.pathParam("token");
        ctx.vertx().<Optional<Uploads.Target>>executeBlocking(() -> uploads.target(token), false).onComplete(found -> {
            if (found.failed()) {
                LOG.error("Upload lookup failed", found.cause());
                end(ctx, 503, "unavailable");
                return;
            }
            if (found.result().isEmpty()) {
                end(ctx, 404, "not_found");
                return;
            }
            Uploads.Target target = found.result().get();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length == null || !length.equals(Long.toString(target.byteSize()))) {
                end(ctx, 400, "size_mismatch");
                return;
            }
            ctx.vertx().<Path>executeBlocking(uploads::stagingFile, false).onComplete(staging -> {
                if (staging.failed()) {
                    LOG.error("No staging file", staging.cause());
                    end(ctx, 503, "unavailable");
                    return;
                }
                Path staged = staging.result();
                ctx.vertx().fileSystem().open(staged.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .onFailure(e -> {
                            LOG.error("Staging file not writable", e);
                            uploads.discard(staged);
                            end(ctx, 503, "unavailable");
                        })
                        .onSuccess(file -> request.pipeTo(file).onComplete(piped -> {
                            if (piped.failed()) {
                                ctx.vertx().executeBlocking(() -> {
                                    uploads.discard(staged);
                                    return null;
                                }, false);
                                end(ctx, 400, "incomplete");
                                return;
                            }
                            ctx.vertx().<Boolean>executeBlocking(() -> uploads.complete(target, staged), false).onComplete(done -> {
                                if (done.failed()) {
                                    LOG.error("Upload could not be stored", done.cause());
                                    end(ctx, 503, "unavailable");
                                } else if (done.result()) {
                                    end(ctx, 200, "ready");
                                } else {
                                    end(ctx, 400, "size_mismatch");
                                }
                            });
                        }));
            });
        });
    }

    private static void end(RoutingContext ctx, int status, String answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end("{\"status\":\"" + answer + "\"}");
    }
}
