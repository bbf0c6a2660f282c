package dev.orderflow.order.rest;

import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.UnknownSku;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals as RFC 9457 {@code application/problem+json}: a clear 4xx, never a 5xx. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response unknownSku(UnknownSku e) {
        return problem(422, "Unknown SKU", e.getMessage(), Map.of("skus", e.skus));
    }

    @ServerExceptionMapper
    public Response notFound(OrderNotFound e) {
        return problem(404, "Order not found", e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", fieldOf(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return problem(400, "Invalid request", violations.size() + " field(s) are invalid", Map.of("violations", violations));
    }

    /** Drops the method and parameter prefix, e.g. {@code place.request.lines[0].quantity} → {@code lines[0].quantity}. */
    private static String fieldOf(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    static Response problem(int status, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
