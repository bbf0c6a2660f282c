package dev.orderflow.console.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CSRF protection for every state-changing request: a random token in a SameSite=Strict cookie
 * that each page also renders into the {@code X-CSRF-Token} header its htmx requests send (double
 * submit); a POST whose header does not match its cookie is refused with 403.
 * Hand-written because quarkus-rest-csrf is not served at this platform's version (3.29.4) by the
 * Maven mirror, and an extension of another Quarkus version is not supported on this platform.
 */
public class CsrfProtection {
    public static final String COOKIE = "orderflow-console-csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The request's token: its cookie's, or a new one the response sets. */
    @Named("csrf")
    @RequestScoped
    public static class Token {
        private String value;
        private boolean issued;

        @Inject
        HttpServerRequest request;

        public String value() {
            if (value == null) {
                Cookie cookie = request.getCookie(COOKIE);
                if (cookie != null && cookie.getValue().length() >= 32) {
                    value = cookie.getValue();
                } else {
                    byte[] bytes = new byte[32];
                    RANDOM.nextBytes(bytes);
                    value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    issued = true;
                }
            }
            return value;
        }

        public String getValue() {
            return value();
        }

        boolean issued() {
            return issued;
        }
    }

    @Inject
    Token token;

    @ServerRequestFilter
    public Response check(ContainerRequestContext context, HttpServerRequest request) {
        if (SAFE.contains(context.getMethod()) || context.getUriInfo().getPath().startsWith("/q/")) {
            // Decided now, not while the page renders (after the response filters ran).
            token.value();
            return null;
        }
        Cookie cookie = request.getCookie(COOKIE);
        String header = context.getHeaderString(HEADER);
        if (cookie == null || header == null || !MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.FORBIDDEN).type("text/html")
                    .entity("<p class=\"error\" role=\"alert\">Refused: this request did not carry the page's CSRF token. Reload the page and try again.</p>")
                    .build();
        }
        return null;
    }

    @ServerResponseFilter
    public void issue(jakarta.ws.rs.container.ContainerResponseContext response) {
        if (token.issued()) {
            Cookie cookie = Cookie.cookie(COOKIE, token.value()).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT);
            response.getHeaders().add("Set-Cookie", cookie.encode());
        }
    }
}
