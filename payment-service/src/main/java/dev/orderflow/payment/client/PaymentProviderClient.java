package dev.orderflow.payment.client;

import dev.orderflow.messaging.failure.PermanentFailureException;
import dev.orderflow.payment.config.PaymentConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Captures and refunds at the payment provider and classifies its answers: a decision (captured,
 * declined, refunded), a {@link ProviderUnavailable} (retry with the same key), or a
 * {@link PermanentFailureException} (the provider refused the request itself: retrying cannot help).
 */
@ApplicationScoped
public class PaymentProviderClient {
    private final ProviderApi api;
    private final String url;

    PaymentProviderClient(PaymentConfig config) {
        PaymentConfig.Provider provider = config.provider();
        this.url = provider.url();
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(provider.url()))
                .connectTimeout(provider.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(provider.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // 402 is an answer, not an error: statuses are classified below.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(ProviderApi.class);
    }

    public sealed interface Capture {
        record Captured(String chargeId) implements Capture {}

        record Declined(String chargeId, String reason, String detail) implements Capture {}
    }

    public Capture capture(String idempotencyKey, String orderId, String customerId, BigDecimal amount, String currency) {
        var request = new ProviderApi.ChargeRequest(orderId, customerId, amount.setScale(2).toPlainString(), currency);
        try (Response response = call("capture " + idempotencyKey, () -> api.charge(idempotencyKey, request))) {
            return switch (response.getStatus()) {
                case 200, 201 -> new Capture.Captured(response.readEntity(ProviderApi.ChargeAnswer.class).chargeId());
                case 402 -> {
                    var declined = response.readEntity(ProviderApi.ChargeAnswer.class);
                    yield new Capture.Declined(declined.chargeId(), declined.reason(), "declined by the provider: " + declined.reason());
                }
                default -> throw unexpected("capture " + idempotencyKey, response);
            };
        }
    }

    /** @return the provider's refund id */
    public String refund(String idempotencyKey, String chargeId) {
        try (Response response = call("refund " + idempotencyKey, () -> api.refund(chargeId, idempotencyKey))) {
            return switch (response.getStatus()) {
                case 200, 201 -> response.readEntity(ProviderApi.RefundAnswer.class).refundId();
                default -> throw unexpected("refund " + idempotencyKey + " of " + chargeId, response);
            };
        }
    }

    private Response call(String what, Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            // Timeout or no connection: the outcome is unknown, only a retry with the same key can tell.
            throw new ProviderUnavailable(what + " at " + url + " got no answer: " + e.getMessage(), e);
        }
    }

    private RuntimeException unexpected(String what, Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String message = what + ": provider answered " + response.getStatus() + " " + body;
        if (response.getStatus() >= 500 || response.getStatus() == 429) {
            return new ProviderUnavailable(message, null);
        }
        return new PermanentFailureException(message);
    }
}
