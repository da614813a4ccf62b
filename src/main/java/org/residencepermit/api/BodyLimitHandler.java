package org.residencepermit.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Answers a body above quarkus.http.limits.max-body-size with 413 application/problem+json, so that oversized requests
 * get the same error shape as every other refusal. A declared Content-Length is checked before anything is read. A
 * chunked HTTP/1.1 body, whose size is only known while reading, is read here up to the limit: left to Quarkus REST,
 * it was cut off with a bare 413, and the truncated body then still went to the resource, whose 400 could not be
 * written and was logged as an error for every such request.
 * <p>
 * An HTTP/2 body without a Content-Length is left to Quarkus REST: read here, the request had ended before Quarkus
 * REST paused it, which HTTP/2 refuses, and every such request failed with a 500. Above the limit such a body meets
 * Quarkus' own limit, which resets the stream.
 */
@ApplicationScoped
public class BodyLimitHandler {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Request body too large\","
            + "\"status\":413,\"detail\":\"the body exceeds %d bytes\"}";

    /** Methods whose body this service reads; without a Content-Length its size is unknown. */
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        BodyHandler bodiesOfUnknownSize = BodyHandler.create(false).setBodyLimit(max);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                refuse(ctx, max);
            } else if (declared == null && BODY_METHODS.contains(ctx.request().method())
                    && ctx.request().version() != HttpVersion.HTTP_2) {
                bodiesOfUnknownSize.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().ended()) {
                refuse(ctx, max);
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx, long max) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // The rest of the body is not read; HTTP/2 forbids the header (the stream ends instead).
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(PROBLEM.formatted(max));
    }

    private static boolean exceeds(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;   // the HTTP layer rejects a malformed Content-Length itself
        }
    }
}
