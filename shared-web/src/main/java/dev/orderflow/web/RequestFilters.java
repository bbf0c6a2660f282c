package dev.orderflow.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** What every request and every problem answer of the REST APIs goes through, once, before and after the resource. */
public class RequestFilters {

    /**
     * Path and query parameters and header values must be {@link PlainText} like the body's strings
     * (a NUL in {@code ?reason=} reached PostgreSQL and answered 500).
     */
    @ServerRequestFilter
    public Optional<Response> plainTextParameters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        return firstViolation("path parameter ", uri.getPathParameters())
                .or(() -> firstViolation("query parameter ", uri.getQueryParameters()))
                .or(() -> firstViolation("header ", request.getHeaders()))
                .map(RequestProblemMappers::invalidFields);
    }

    /** RFC 9457 {@code instance}: the request's path, so a client can tell which call a problem answers. */
    @ServerResponseFilter
    public void problemInstance(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Map<?, ?> body && !body.containsKey("instance")
                && Problems.PROBLEM_JSON.equals(String.valueOf(response.getMediaType()))) {
            Map<Object, Object> withInstance = new LinkedHashMap<>(body);
            withInstance.put("instance", request.getUriInfo().getRequestUri().getRawPath());
            response.setEntity(withInstance);
        }
    }

    private static Optional<List<Map<String, String>>> firstViolation(String kind, MultivaluedMap<String, String> values) {
        for (var entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                var violation = PlainText.violation(value);
                if (violation.isPresent()) {
                    return Optional.of(List.of(Map.of("field", kind + entry.getKey(), "message", violation.get())));
                }
            }
        }
        return Optional.empty();
    }
}
