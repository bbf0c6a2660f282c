package dev.orderflow.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request body without a {@code Content-Type} (or with a wildcard such as {@code *}{@code /*}) is
 * refused with 415, like a body of any type the
 * API does not read. Left to the REST layer, it was read as JSON: a client that forgot the header
 * was never told. Answered here, before the REST layer, because that layer matches a request
 * without the header to the JSON method as if it had one. A bodiless POST (a cancel) is not
 * affected.
 */
@ApplicationScoped
public class BodyWithoutContentType {
    static final String BODY = """
            {"type":"about:blank","title":"Unsupported Media Type","status":415,\
            "detail":"the request has a body but no Content-Type naming its type; send Content-Type: application/json",\
            "instance":"%s"}""";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            var request = context.request();
            String length = request.getHeader("Content-Length");
            boolean hasBody = request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
            String type = request.getHeader("Content-Type");
            // a wildcard (*/*) names no type either, and the REST layer would match it to JSON the same way
            if (hasBody && (type == null || type.isBlank() || type.strip().startsWith("*/") || type.contains("/*"))) {
                context.response().setStatusCode(415).putHeader("Content-Type", Problems.PROBLEM_JSON)
                        .end(BODY.formatted(OversizedBodyProblem.jsonString(request.path())));
            } else {
                context.next();
            }
        });
    }
}
