package org.residencepermit.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.residencepermit.engine.InvalidRequestException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * Every error leaves as problem+json. Bad input is a 400 that names the field; anything unexpected is logged (without
 * request content, which may identify the applicant) and answered with a 500 that hides internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AllowedMethods allowedMethods;

    @Inject
    ObjectMapper mapper;

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        // The validator names the body itself "": a problem about the whole body names no field.
        String field = e.field() == null || e.field().isEmpty() ? null : e.field();
        return Problem.response(400, "Invalid decision request", e.getMessage(), field, null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        // Inside a nested object Jackson wraps the parser's refusal in a JsonMappingException.
        JsonParseException syntax = itselfOrCause(e, JsonParseException.class);
        String duplicate = syntax == null ? null : duplicateField(syntax);
        if (duplicate != null) {
            return Problem.response(400, "Invalid decision request", duplicate + " is given more than once",
                    duplicate, null);
        }
        // A syntax error inside a nested object reaches us wrapped: it is still the body's syntax, not the field's type.
        if (syntax != null) {
            return Problem.response(400, "Malformed JSON", "the body is not valid JSON (line "
                    + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")",
                    null, null);
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        StreamConstraintsException limit = itselfOrCause(e, StreamConstraintsException.class);
        if (limit != null) {
            return Problem.response(400, "Invalid decision request", beyondLimit(field, limit), field, null);
        }
        String detail;
        if (itselfOrCause(e, InputCoercionException.class) != null) {
            // Jackson's text here names Java types ("out of range of int").
            detail = (field == null ? "a number" : field) + " is out of range";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            detail = "'" + format.getValue() + "' is not " + expected(format.getTargetType());
        } else if (e instanceof InvalidFormatException format) {
            detail = "'" + format.getValue() + "' is not " + expected(format.getTargetType())
                    + (format.getTargetType() == LocalDate.class ? ", a real date" : "");
        } else if (e instanceof InvalidNullException) {
            detail = (field == null ? "a value" : field) + " must not be null";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            detail = wrongShape(field, mismatch);
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
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response problem = Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(),
                null, null);
        // RFC 9110 15.5.6: a 405 must say which methods the resource does support; Quarkus REST's does not.
        String allow = status == 405 ? allowedMethods.allowHeader(uri.getPath()) : null;
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
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

    /**
     * One of the parser's limits (StreamReadConstraints), in the contract's terms: Jackson's own message names its Java
     * methods. The parser does not say which field held the value, only the object the mapper was reading.
     */
    private String beyondLimit(String field, StreamConstraintsException e) {
        StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = field == null ? "the body" : field;
        if (message.startsWith("Document nesting depth")) {
            return "the body nests more than " + limits.getMaxNestingDepth() + " objects or lists deep";
        } else if (message.startsWith("Number value length")) {
            return "a number in " + where + " has more than " + limits.getMaxNumberLength() + " characters";
        } else if (message.startsWith("Name length")) {
            return "a field name in " + where + " has more than " + limits.getMaxNameLength() + " characters";
        } else if (message.startsWith("String value length")) {
            return "a string in " + where + " has more than " + limits.getMaxStringLength() + " characters";
        }
        return where + " exceeds the JSON parser's limits";
    }

    /** The exception if it is of the type, else its cause if that is: Jackson wraps parser errors once. */
    private static <T extends Throwable> T itselfOrCause(Throwable e, Class<T> type) {
        return type.isInstance(e) ? type.cast(e) : type.isInstance(e.getCause()) ? type.cast(e.getCause()) : null;
    }

    /** What was expected, in the contract's terms rather than Jackson's (which names Java classes). */
    private static String wrongShape(String field, MismatchedInputException e) {
        if (field == null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return "the body must be one JSON object with nothing after it";
        }
        return (field == null ? "the body" : field) + " must be " + expected(e.getTargetType());
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        } else if (type == String.class) {
            return "a string";
        } else if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        } else if (type == YearMonth.class) {
            return "a month (YYYY-MM)";
        } else if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /**
     * The path of the repeated field when the parser refused a field given twice (STRICT_DUPLICATE_DETECTION): the
     * parser's context still points at it, from the root.
     */
    private static String duplicateField(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            parts.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return String.join(".", parts).replace(".[", "[");
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
