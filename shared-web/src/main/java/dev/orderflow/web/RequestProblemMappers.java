package dev.orderflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Requests every service refuses the same way, as problem+json with a clear 4xx instead of the
 * framework's defaults: invalid fields (named), malformed JSON, and what the framework refuses
 * itself (unknown path, unsupported media type, oversized body...). Domain refusals stay in each
 * service's own mappers.
 */
public class RequestProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", fieldOf(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return Problems.response(400, "Invalid request", violations.size() + " field(s) are invalid", Map.of("violations", violations));
    }

    /** A value of the wrong type, e.g. {@code {"available": "many"}}. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return Problems.response(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problems.response(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return Problems.response(status, "Malformed JSON", json.getOriginalMessage(), Map.of());
        }
        return Problems.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), Map.of());
    }

    /**
     * Drops the method and parameter prefix: {@code place.request.lines[0].quantity} →
     * {@code lines[0].quantity}; a query or path parameter keeps its name, {@code list.limit} → {@code limit}.
     */
    static String fieldOf(String path) {
        String[] parts = path.split("\\.", 3);
        return switch (parts.length) {
            case 3 -> parts[2];
            case 2 -> parts[1];
            default -> path;
        };
    }
}
