package dev.orderflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
        return invalidFields(violations);
    }

    /**
     * A value Jackson could not bind to its field: of the wrong type ({@code {"available": "many"}}),
     * a fraction for an integer, out of range, or not {@link PlainText}. Named like a constraint
     * violation, so a client handles both alike.
     */
    @ServerExceptionMapper
    public Response unbindable(JsonMappingException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return Problems.response(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
        }
        return invalidFields(List.of(Map.of("field", field, "message", messageOf(e))));
    }

    /** Mapped here as well: Quarkus's own mapper of this subtype would otherwise answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unbindable(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problems.response(400, "Malformed JSON", e.getOriginalMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonMappingException json) {
            return unbindable(json);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return Problems.response(status, "Malformed JSON", json.getOriginalMessage(), Map.of());
        }
        return Problems.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), Map.of());
    }

    static Response invalidFields(List<Map<String, String>> violations) {
        return Problems.response(400, "Invalid request", violations.size() + " field(s) are invalid", Map.of("violations", violations));
    }

    /** {@code lines[0].quantity}, the way Bean Validation names it. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String messageOf(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return "out of range for " + outOfRange.getTargetType().getSimpleName() + ": " + outOfRange.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof Number && isInteger(format.getTargetType())) {
            return "must be a whole number written without a fraction or an exponent: " + format.getValue();
        }
        return e.getOriginalMessage();
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class;
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
