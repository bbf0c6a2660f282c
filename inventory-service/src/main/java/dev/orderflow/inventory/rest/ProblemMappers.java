package dev.orderflow.inventory.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.orderflow.inventory.domain.UnknownSku;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals as RFC 9457 {@code application/problem+json}: a clear 4xx, never a 5xx. */
public class ProblemMappers {
    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response unknownSku(UnknownSku e) {
        return problem(404, "Unknown SKU", e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", fieldOf(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return problem(400, "Invalid request", violations.size() + " field(s) are invalid", Map.of("violations", violations));
    }

    /** A value of the wrong type, e.g. {@code {"available": "many"}} (replaces Quarkus' plain-JSON default). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problem(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return problem(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
    }

    /** Everything the framework refuses itself (unparsable body, unsupported media type, unknown path...). */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return problem(status, "Malformed JSON", json.getOriginalMessage(), Map.of());
        }
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), Map.of());
    }

    /** Drops the method and parameter prefix, e.g. {@code restock.request.available} → {@code available}. */
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
