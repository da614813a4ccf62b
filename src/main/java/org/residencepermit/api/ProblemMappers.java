package org.residencepermit.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.residencepermit.engine.InvalidRequestException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every error leaves as problem+json. Bad input is a 400 that names the field; anything unexpected is logged (without
 * request content, which may identify the applicant) and answered with a 500 that hides internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.response(400, "Invalid decision request", e.getMessage(), e.field(), null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            return Problem.response(400, "Malformed JSON", "the body is not valid JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")",
                    null, null);
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            detail = "'" + format.getValue() + "' is not one of " + Arrays.stream(format.getTargetType()
                    .getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        } else if (e instanceof InvalidFormatException format) {
            detail = "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName()
                    + (format.getTargetType().getSimpleName().equals("LocalDate") ? " (YYYY-MM-DD, a real date)" : "");
        } else {
            detail = "wrong type or shape" + (field == null ? "" : " for " + field) + ": " + e.getOriginalMessage();
        }
        return Problem.response(400, "Invalid decision request", detail, field, null);
    }

    /** Quarkus ships its own mapper for this subtype; declaring ours keeps every input error in problem+json. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), null, null);
    }

    /**
     * Reading the body failed, typically because a chunked body passed the size limit: the HTTP layer has already
     * answered 413, so this only keeps the failure out of the error log.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        return Problem.response(413, "Request body too large", "the body could not be read within the size limit",
                null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // Messages can quote request values (names, ID data); log where it failed, never what was sent.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.errorf("Unexpected %s at %s", e.getClass().getName(), at);
        return Problem.response(500, "Internal error", "the decision could not be made; the error was logged", null,
                null);
    }

    /** JSON path of the failing value, e.g. "submission.documentsProvided[1]". */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
