package org.residencepermit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code field} is the JSON path of the offending
 * input; {@code errors} carries compile errors or failed cases for rule administration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<?> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String field, List<?> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, field, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
