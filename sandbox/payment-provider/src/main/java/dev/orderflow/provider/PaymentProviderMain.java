package dev.orderflow.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The stub as a process:
 *
 * <pre>
 * java -cp 'payment-provider.jar:lib/*' dev.orderflow.provider.PaymentProviderMain \
 *     [--host 127.0.0.1] --port 8090 --jdbc-url jdbc:postgresql://127.0.0.1:5432/payment_provider --user postgres --password postgres \
 *     [--threads 32] [--latency-ms 0] [--error-rate 0] [--charge-then-timeout-rate 0] [--seed 42]
 * </pre>
 *
 * Prints one line {@code payment-provider ready at http://127.0.0.1:<port>} once it serves, and
 * stops cleanly on SIGTERM / SIGINT (exit code 0). Bad flags: a message and exit code 2.
 */
public final class PaymentProviderMain {
    private PaymentProviderMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProviderConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("payment-provider: " + bad.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        PaymentProvider provider = PaymentProvider.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            provider.close();
            stopped.countDown();
        }, "payment-provider-stop"));
        System.out.println("payment-provider ready at " + provider.url() + " (faults " + provider.faults() + ")");
        System.out.flush();
        stopped.await();
    }

    static ProviderConfig parse(String[] args) {
        String host = PaymentProvider.LOOPBACK;
        Integer port = null;
        String jdbcUrl = null;
        String user = null;
        String password = null;
        int threads = ProviderConfig.DEFAULT_THREADS;
        FaultSettings none = FaultSettings.NONE;
        long latencyMs = none.latencyMs();
        double errorRate = none.errorRate();
        double chargeThenTimeoutRate = none.chargeThenTimeoutRate();
        double unauthorizedRate = none.unauthorizedRate();
        long seed = none.seed();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = rest.remove(0);
            try {
                switch (flag) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--jdbc-url" -> jdbcUrl = value;
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--latency-ms" -> latencyMs = Long.parseLong(value);
                    case "--error-rate" -> errorRate = Double.parseDouble(value);
                    case "--charge-then-timeout-rate" -> chargeThenTimeoutRate = Double.parseDouble(value);
                    case "--unauthorized-rate" -> unauthorizedRate = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number: " + value);
            }
        }
        if (port == null || jdbcUrl == null || user == null || password == null) {
            throw new IllegalArgumentException("--port, --jdbc-url, --user and --password are required");
        }
        return new ProviderConfig(host, port, jdbcUrl, user, password, threads,
                new FaultSettings(latencyMs, errorRate, chargeThenTimeoutRate, unauthorizedRate, seed));
    }

    private static String usage() {
        return "usage: PaymentProviderMain [--host ADDRESS] --port N --jdbc-url URL --user USER --password PASSWORD"
                + " [--threads N] [--latency-ms MS] [--error-rate 0..1] [--charge-then-timeout-rate 0..1] [--unauthorized-rate 0..1] [--seed N]";
    }
}
