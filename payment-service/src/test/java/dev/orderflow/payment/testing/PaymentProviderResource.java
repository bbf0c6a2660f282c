package dev.orderflow.payment.testing;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.provider.PaymentProvider;
import dev.orderflow.provider.ProviderConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the payment-provider stub in this JVM on a free port, with its own database on the test
 * PostgreSQL, and points {@code payment.provider.url} at it. Tests reach it over HTTP only
 * ({@link ProviderLedger}), as payment-service does: it is the outside world, not a mock.
 */
public class PaymentProviderResource implements QuarkusTestResourceLifecycleManager {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private PaymentProvider provider;

    @Override
    public Map<String, String> start() {
        RunningInfra infra = TestInfra.shared();
        String database = "payment_provider_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        infra.createDatabase(database);
        provider = PaymentProvider.start(ProviderConfig.of(infra.jdbcUrl(database), infra.username(), infra.password()));
        return Map.of("payment.provider.url", provider.url());
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
