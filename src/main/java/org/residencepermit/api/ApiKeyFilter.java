package org.residencepermit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.residencepermit.config.DecisionConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Admin endpoints need the configured admin key in {@code X-API-Key}; with no key configured they are disabled.
 * Decision endpoints are open unless {@code decision.api-key} is set.
 */
public class ApiKeyFilter {
    static final String HEADER = "X-API-Key";

    @Inject
    DecisionConfig config;

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/v1/admin")) {
            if (config.admin().apiKey().isEmpty()) {
                return Optional.of(Problem.response(403, "Admin API disabled",
                        "set decision.admin.api-key (env DECISION_ADMIN_API_KEY) to enable rule administration",
                        null, null));
            }
            return verify(request, config.admin().apiKey().get());
        }
        if (path.startsWith("/api/v1/decisions") && config.apiKey().isPresent()) {
            return verify(request, config.apiKey().get());
        }
        return Optional.empty();
    }

    private static Optional<Response> verify(ContainerRequestContext request, String expected) {
        String given = request.getHeaderString(HEADER);
        boolean ok = given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        if (ok) {
            return Optional.empty();
        }
        // A 401 must name its challenge (RFC 9110): the key goes in a header, not in Authorization.
        Response unauthorized = Problem.response(401, "Unauthorized", "a valid " + HEADER + " header is required",
                HEADER, null);
        return Optional.of(Response.fromResponse(unauthorized)
                .header("WWW-Authenticate", "APIKey header=\"" + HEADER + "\"").build());
    }
}
