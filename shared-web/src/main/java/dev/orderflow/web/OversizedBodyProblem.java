package dev.orderflow.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused by Vert.x before any REST
 * resource or exception mapper runs, with an empty 413. This route answers first, in the same
 * problem+json shape as every other refusal: from the declared Content-Length, and for a chunked
 * body that grows past the limit, from the failure it raises.
 */
@ApplicationScoped
public class OversizedBodyProblem {
    static final String BODY = """
            {"type":"about:blank","title":"Payload Too Large","status":413,\
            "detail":"the request body is larger than this service accepts (%d bytes)","instance":"%s"}""";

    private final long maxBodySize;

    OversizedBodyProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE)
                .handler(context -> {
                    String length = context.request().getHeader("Content-Length");
                    if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                            && length.length() < 19 && Long.parseLong(length) > maxBodySize) {
                        refuse(context);
                    } else {
                        context.next();
                    }
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 413 && !context.response().ended()) {
                        refuse(context);
                    } else {
                        context.next();
                    }
                });
    }

    /** The request's raw path inside a JSON string: percent-encoded already, so only quotes and backslashes need escaping. */
    static String jsonString(String path) {
        return path.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void refuse(io.vertx.ext.web.RoutingContext context) {
        context.response().setStatusCode(413).putHeader("Content-Type", Problems.PROBLEM_JSON).putHeader("Connection", "close")
                .end(BODY.formatted(maxBodySize, jsonString(context.request().path())));
    }
}
