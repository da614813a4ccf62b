package org.residencepermit.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers 406 when the {@code Accept} header refuses JSON with a q-value of 0 (RFC 9110 12.5.1: "not acceptable").
 * Quarkus REST ignored the zero and answered application/json as long as the header listed some other type, e.g.
 * {@code text/html, application/json;q=0}. The most specific range that matches application/json decides
 * ({@code application/json}, then {@code application/*}, then {@code *}{@code /*}); a header that matches nothing is
 * left to Quarkus REST, which answers 406 itself.
 */
public class AcceptFilter {
    private static final String TYPE = "application";
    private static final String SUBTYPE = "json";

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (headers == null || headers.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        int bestSpecificity = 0;
        double q = -1;
        for (String header : headers) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                String[] type = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
                if (type.length != 2) {
                    continue;
                }
                int specificity = type[0].equals(TYPE) && type[1].trim().equals(SUBTYPE) ? 3
                        : type[0].equals(TYPE) && type[1].trim().equals("*") ? 2
                        : type[0].equals("*") && type[1].trim().equals("*") ? 1 : 0;
                if (specificity == 0 || specificity < bestSpecificity) {
                    continue;
                }
                double weight = weight(parts);
                q = specificity > bestSpecificity ? weight : Math.max(q, weight);
                bestSpecificity = specificity;
            }
        }
        if (bestSpecificity > 0 && q == 0) {
            return Optional.of(Problem.response(406, "Not Acceptable",
                    "the Accept header refuses application/json (q=0), the only type this resource answers in",
                    HttpHeaders.ACCEPT, null));
        }
        return Optional.empty();
    }

    /** The range's q-value; a missing or malformed one counts as 1, as Quarkus REST reads it. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].trim());
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
