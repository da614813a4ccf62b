package org.residencepermit.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters a resource does not read, a parameter given twice, and matrix parameters, with a 400 that
 * names the parameter. JAX-RS ignores them: {@code validate?dirr=candidate} validated the rules in service and
 * answered 200, {@code reload?dir=candidate} reloaded the configured directory, {@code /jurisdictions?city=BEIJING}
 * listed every jurisdiction and {@code /decisions;explain=true} left out the trace. The parameters a resource method
 * takes are its {@code @QueryParam}s and the query {@code @Parameter}s its OpenAPI description declares.
 */
public class QueryParameterFilter {
    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    /** After the API key check: a caller without the key learns nothing about the parameters. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        // As sent: the request URI of JAX-RS has the matrix parameters taken out.
        String rawPath = http.path();
        int matrix = rawPath == null ? -1 : rawPath.indexOf(';');
        if (matrix >= 0) {
            String parameter = rawPath.substring(matrix + 1).split("[/;]", 2)[0];
            String name = decoded(parameter.split("=", 2)[0]);
            return refuse(name, "';" + decoded(parameter) + "' is a matrix parameter, which this service does "
                    + "not read; a query parameter is written ?" + decoded(parameter));
        }
        // Quarkus REST looks the method up once per resource method and keeps it.
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, QueryParameterFilter::queryParameters);
        MultivaluedMap<String, String> given = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            if (!taken.contains(name)) {
                return refuse(name, "unknown query parameter '" + name + "' (" + (taken.isEmpty()
                        ? "this resource takes none" : taken.size() == 1 ? "the only one is " + taken.iterator().next()
                        : "the only ones are " + String.join(", ", taken)) + ")");
            }
            if (parameter.getValue().size() > 1) {
                return refuse(name, name + " is given more than once");
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> refuse(String name, String detail) {
        return Optional.of(Problem.response(400, "Invalid query parameter", detail, name, null));
    }

    /** Percent-decoded where it can be; a malformed escape is shown as sent. */
    private static String decoded(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        for (Parameter parameter : method.getAnnotationsByType(Parameter.class)) {
            if (parameter.in() == ParameterIn.QUERY) {
                names.add(parameter.name());
            }
        }
        return names;
    }
}
