package org.residencepermit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods each resource path answers, read from the JAX-RS resources themselves. Quarkus REST answers a wrong
 * method with a 405 that lacks the {@code Allow} header RFC 9110 (15.5.6) requires, and answers OPTIONS with an
 * {@code Allow} that lists HEAD for resources that only take POST (HEAD there is a 405). Both now name the same
 * methods: the resource's own, HEAD where it has GET, and OPTIONS.
 */
@ApplicationScoped
public class AllowedMethods {
    private final Map<String, String> allowByPath;

    @Inject
    AllowedMethods(BeanManager beans) {
        Map<String, Set<String>> methods = new HashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : bean.getBeanClass().getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = normalize(root.value() + "/" + (sub == null ? "" : sub.value()));
                    Set<String> allowed = methods.computeIfAbsent(path, p -> new TreeSet<>());
                    allowed.add(http);
                    if (http.equals(HttpMethod.GET)) {
                        allowed.add(HttpMethod.HEAD);
                    }
                    allowed.add(HttpMethod.OPTIONS);
                }
            }
        }
        Map<String, String> headers = new HashMap<>();
        methods.forEach((path, allowed) -> headers.put(path, String.join(", ", allowed)));
        this.allowByPath = Map.copyOf(headers);
    }

    /** The {@code Allow} header of a request path, or null for a path no resource serves. */
    String allowHeader(String path) {
        return allowByPath.get(normalize(path));
    }

    @ServerResponseFilter
    public void correctOptionsAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getMethod().equals(HttpMethod.OPTIONS) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            String allow = allowHeader(request.getUriInfo().getPath());
            if (allow != null) {
                response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** One leading slash, no doubled or trailing ones: {@code /api/v1/decisions}. */
    private static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
