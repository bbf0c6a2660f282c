package dev.orderflow.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP API (see README): routing, JSON in and out, problem+json refusals, fault injection. */
final class ProviderApi implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(ProviderApi.class.getName());
    private static final Pattern REFUNDS = Pattern.compile("/v1/charges/([A-Za-z0-9_-]{1,40})/refunds");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_KEY = 255;
    /** Longer than any sane client read timeout: the caller gives up while the charge stays committed. */
    static final long HANG_MS = 30_000;

    private final ObjectMapper json = new ObjectMapper();
    private final Ledger ledger;
    private final Faults faults;

    ProviderApi(Ledger ledger, Faults faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiProblem problem) {
                problem(exchange, problem.status, problem.title, problem.getMessage());
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "ledger unavailable: " + e.getMessage());
                problem(exchange, 503, "Ledger unavailable", "the provider's database failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // hung on purpose, or shutting down: close without an answer
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "request failed: " + exchange.getRequestURI(), e);
                problem(exchange, 500, "Internal error", String.valueOf(e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, SQLException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher refund = REFUNDS.matcher(path);
        switch (path) {
            case "/v1/charges" -> {
                switch (method) {
                    case "POST" -> charge(exchange);
                    case "GET" -> chargesOf(exchange);
                    default -> throw methodNotAllowed(method, path);
                }
            }
            case "/v1/ledger" -> {
                requireMethod("GET", method, path);
                send(exchange, 200, Map.of("charges", ledger.charges().stream().map(ProviderApi::chargeView).toList(),
                        "refunds", ledger.refunds().stream().map(ProviderApi::refundView).toList()), false);
            }
            case "/v1/admin/faults" -> {
                switch (method) {
                    case "GET" -> send(exchange, 200, faults.view(), false);
                    case "PUT" -> {
                        faults.set(faultsFrom(readJson(exchange), faults.settings()));
                        send(exchange, 200, faults.view(), false);
                    }
                    default -> throw methodNotAllowed(method, path);
                }
            }
            default -> {
                if (!refund.matches()) {
                    throw ApiProblem.notFound("no resource " + path);
                }
                requireMethod("POST", method, path);
                refund(exchange, refund.group(1));
            }
        }
    }

    private void charge(HttpExchange exchange) throws IOException, SQLException, InterruptedException {
        String key = idempotencyKey(exchange);
        ChargeRequest request = ChargeRequest.parse(readJson(exchange));
        injectLatencyAndErrors();
        Optional<String> declineReason = DeclineRules.declineReason(request);
        Ledger.Written<Ledger.Charge> written = ledger.charge(key, request, declineReason);
        if (written.created()) {
            hangIfChargeThenTimeout(exchange, "charge " + written.row().chargeId());
        }
        Ledger.Charge charge = written.row();
        send(exchange, charge.captured() ? 201 : 402, chargeView(charge), !written.created());
    }

    private void refund(HttpExchange exchange, String chargeId) throws IOException, SQLException, InterruptedException {
        String key = idempotencyKey(exchange);
        injectLatencyAndErrors();
        Ledger.Written<Ledger.Refund> written = ledger.refund(chargeId, key);
        if (written.created()) {
            hangIfChargeThenTimeout(exchange, "refund " + written.row().refundId());
        }
        send(exchange, 201, refundView(written.row()), !written.created());
    }

    private void chargesOf(HttpExchange exchange) throws IOException, SQLException {
        String reference = query(exchange, "reference");
        if (reference == null || reference.isBlank()) {
            throw ApiProblem.badRequest("query parameter reference (the order id) is required");
        }
        ChargeRequest.plainText("query parameter reference", reference);
        List<Ledger.Refund> refunds = ledger.refunds();
        List<Map<String, Object>> charges = ledger.chargesOf(reference).stream().map(charge -> {
            Map<String, Object> view = chargeView(charge);
            view.put("refund", refunds.stream().filter(r -> r.chargeId().equals(charge.chargeId()))
                    .findFirst().map(ProviderApi::refundView).orElse(null));
            return view;
        }).toList();
        send(exchange, 200, Map.of("charges", charges), false);
    }

    private void injectLatencyAndErrors() throws InterruptedException {
        long latency = faults.settings().latencyMs();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (faults.failWithError()) {
            throw new ApiProblem(503, "Service unavailable", "injected fault (errorRate): nothing was charged or refunded");
        }
        if (faults.refuseAsUnauthorized()) {
            throw new ApiProblem(401, "Unauthorized", "injected fault (unauthorizedRate): the API key was refused;"
                    + " nothing was charged or refunded");
        }
    }

    /** The dangerous case: the money moved (committed above), but the caller never hears about it in time. */
    private void hangIfChargeThenTimeout(HttpExchange exchange, String what) throws InterruptedException {
        if (faults.chargeThenTimeout()) {
            LOG.log(System.Logger.Level.INFO, "injected fault (chargeThenTimeoutRate): " + what + " committed, not answering");
            Thread.sleep(HANG_MS);
            throw new InterruptedException("hung on purpose"); // closes the exchange without an answer
        }
    }

    private static String idempotencyKey(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            throw ApiProblem.badRequest("header Idempotency-Key is required: the same key makes a retry safe");
        }
        if (key.length() > MAX_KEY) {
            throw ApiProblem.badRequest("header Idempotency-Key must be at most " + MAX_KEY + " characters");
        }
        return ChargeRequest.plainText("header Idempotency-Key", key);
    }

    private static FaultSettings faultsFrom(JsonNode body, FaultSettings current) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object {latencyMs, errorRate, chargeThenTimeoutRate, unauthorizedRate, seed}");
        }
        try {
            // Absent fields keep their current value.
            return new FaultSettings(
                    number(body, "latencyMs", current.latencyMs()).longValue(),
                    number(body, "errorRate", current.errorRate()).doubleValue(),
                    number(body, "chargeThenTimeoutRate", current.chargeThenTimeoutRate()).doubleValue(),
                    number(body, "unauthorizedRate", current.unauthorizedRate()).doubleValue(),
                    number(body, "seed", current.seed()).longValue());
        } catch (IllegalArgumentException invalid) {
            throw ApiProblem.badRequest(invalid.getMessage());
        }
    }

    private static Number number(JsonNode body, String field, Number current) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return current;
        }
        if (!value.isNumber()) {
            throw ApiProblem.badRequest(field + " must be a number");
        }
        return value.numberValue();
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new ApiProblem(413, "Body too large", "the body must be at most " + MAX_BODY + " bytes");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void requireMethod(String expected, String method, String path) {
        if (!expected.equals(method)) {
            throw methodNotAllowed(method, path);
        }
    }

    private static ApiProblem methodNotAllowed(String method, String path) {
        return new ApiProblem(405, "Method not allowed", method + " is not supported on " + path);
    }

    static Map<String, Object> chargeView(Ledger.Charge charge) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("chargeId", charge.chargeId());
        view.put("status", charge.status());
        if (!charge.captured()) {
            view.put("reason", charge.declineReason());
        }
        view.put("reference", charge.reference());
        view.put("customerId", charge.customerId());
        view.put("amount", charge.amount().toPlainString());
        view.put("currency", charge.currency());
        view.put("idempotencyKey", charge.idempotencyKey());
        view.put("createdAt", charge.createdAt().toString());
        return view;
    }

    static Map<String, Object> refundView(Ledger.Refund refund) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("refundId", refund.refundId());
        view.put("chargeId", refund.chargeId());
        view.put("status", "refunded");
        view.put("amount", refund.amount().toPlainString());
        view.put("currency", refund.currency());
        view.put("idempotencyKey", refund.idempotencyKey());
        view.put("createdAt", refund.createdAt().toString());
        return view;
    }

    private void send(HttpExchange exchange, int status, Object body, boolean replayed) throws IOException {
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        write(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", exchange.getRequestURI().getRawPath());
        write(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
