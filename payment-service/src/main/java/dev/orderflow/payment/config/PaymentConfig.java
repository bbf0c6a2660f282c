package dev.orderflow.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** payment-service's own keys ({@code payment.*}); {@code payment.provider.url} is also read from {@code PAYMENT_PROVIDER_URL}. */
@ConfigMapping(prefix = "payment")
public interface PaymentConfig {

    Provider provider();

    interface Provider {
        /** Base URL of the payment provider, e.g. {@code http://127.0.0.1:8090}. */
        @WithDefault("http://127.0.0.1:8090")
        String url();

        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * How long to wait for an answer. Past it the outcome is unknown (the provider may have
         * charged): the capture is retried with the same idempotency key, never given up.
         */
        @WithDefault("5s")
        Duration readTimeout();
    }
}
