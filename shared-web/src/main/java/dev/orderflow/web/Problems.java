package dev.orderflow.web;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 {@code application/problem+json} responses, the one shape every service refuses with. */
public final class Problems {
    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {}

    public static Response response(int status, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
