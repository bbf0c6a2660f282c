package dev.orderflow.web;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9457 {@code application/problem+json} responses, the one shape every service refuses with:
 * {@code type}, {@code title}, {@code status} (the numeric HTTP status, always the response's),
 * {@code detail}, {@code instance} (added by {@link RequestFilters}), then the problem's own
 * extension members, which may not reuse those names.
 */
public final class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";
    static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private Problems() {}

    public static Response response(int status, String title, String detail, Map<String, ?> extensions) {
        if (extensions.keySet().stream().anyMatch(MEMBERS::contains)) {
            // e.g. an order's "status": a client reading the RFC's numeric status would fail on it
            throw new IllegalArgumentException("an extension member may not redefine an RFC 9457 member: " + extensions.keySet());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
