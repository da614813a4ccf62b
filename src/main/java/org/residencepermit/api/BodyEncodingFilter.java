package org.residencepermit.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses with 415 a body the service would misread: a content coding (gzip, ...) it does not decode, which reached
 * the JSON parser compressed and came back as "malformed JSON", and a charset other than UTF-8, which JSON requires
 * (RFC 8259) and the parser assumed anyway. Bodies of other media types get their 415 from the endpoints.
 */
public class BodyEncodingFilter {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
            return Optional.of(Problem.response(415, "Unsupported content coding",
                    "the body must not be encoded (Content-Encoding: " + coding.trim() + ")", null, null));
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        String charset = json ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return Optional.of(Problem.response(415, "Unsupported charset",
                    "JSON bodies are UTF-8 (charset=" + charset + ")", null, null));
        }
        return Optional.empty();
    }
}
