package org.residencepermit.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body above quarkus.http.limits.max-body-size with 413 application/problem+json before the body is
 * read, so that oversized requests get the same error shape as every other refusal. (A chunked body, whose size is
 * only known while reading, is cut off by the HTTP layer with a bare 413.)
 */
@ApplicationScoped
public class BodyLimitHandler {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Request body too large\","
            + "\"status\":413,\"detail\":\"the body exceeds %d bytes\"}";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(PROBLEM.formatted(max));
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;   // the HTTP layer rejects a malformed Content-Length itself
        }
    }
}
