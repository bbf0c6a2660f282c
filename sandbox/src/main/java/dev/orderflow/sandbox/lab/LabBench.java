package dev.orderflow.sandbox.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.chaos.fault.ChaosPlatform;
import dev.orderflow.sandbox.check.SnapshotReader;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import dev.orderflow.sandbox.workload.SagaWorkload;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The platform the labs run on, started once for any number of labs: the chaos sandbox's platform
 * (its delivery stage and fault types), with every pattern on. A lab switches its one pattern off by
 * restarting the one service that reads the switch, and on again the same way.
 */
public final class LabBench implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChaosPlatform chaos;
    private final OrderflowClient client;
    private final SnapshotReader reader;
    private final PrintStream out;
    private final long readyAt = System.nanoTime();

    private LabBench(ChaosPlatform chaos, PrintStream out) {
        this.chaos = chaos;
        this.out = out;
        this.client = new OrderflowClient(OrderflowClient.Endpoints.of(chaos.platform().layout()));
        this.reader = new SnapshotReader(client, new EventReader(chaos.platform().infra().kafkaBootstrapServers()));
    }

    /** Starts the platform with every pattern on; progress lines go to {@code out}. */
    public static LabBench start(PlatformLayout layout, PrintStream out) {
        Platform.Progress progress = (component, detail, took) ->
                out.printf("  %-18s ready in %5.1f s  %s%n", component, took.toMillis() / 1000.0, detail);
        return new LabBench(ChaosPlatform.start(layout, Map.of(), progress), out);
    }

    public ChaosPlatform chaos() {
        return chaos;
    }

    public RunningPlatform platform() {
        return chaos.platform();
    }

    public OrderflowClient client() {
        return client;
    }

    public SnapshotReader reader() {
        return reader;
    }

    public EventReader events() {
        return new EventReader(platform().infra().kafkaBootstrapServers());
    }

    /** A line of progress while a lab runs, with the seconds since the platform was ready. */
    public void step(String format, Object... args) {
        out.printf("  %6.1f s  " + format + "%n", prepend((System.nanoTime() - readyAt) / 1e9, args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * Places {@code count} orders that take the happy path (stocked SKUs, a customer the provider
     * accepts), each under a customer id {@code <customerPrefix>-<i>}; returns the order ids the
     * service acknowledged.
     */
    public List<String> placeHappyOrders(String customerPrefix, int count, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(placeHappyOrder(customerPrefix + "-" + i, random));
        }
        return ids;
    }

    /** Places one happy-path order for {@code customer} (also its idempotency key); returns the order id. */
    public String placeHappyOrder(String customer, Random random) {
        OrderflowClient.Reply reply = client.placeOrder(SagaWorkload.happyOrderBody(customer, random), customer);
        if (!reply.ok()) {
            throw new IllegalStateException("POST /orders answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().path("orderId").asText();
    }

    /** The order order-service stored for this customer, if any: how to find an order whose POST got no answer. */
    public Optional<String> orderOfCustomer(String customer) {
        return reader.allOrders().entrySet().stream().filter(e -> e.getValue().equals(customer)).map(Map.Entry::getKey)
                .findFirst();
    }

    public String status(String orderId) {
        OrderflowClient.Reply reply = client.order(orderId);
        return reply.ok() ? reply.body().path("status").asText() : "HTTP " + reply.status();
    }

    /** Waits until the orders are terminal or {@code bound} passed; returns the ones still running. */
    public List<String> awaitTerminal(List<String> orderIds, Duration bound) throws InterruptedException {
        return reader.awaitTerminal(orderIds, bound);
    }

    /** How many charges and refunds the payment provider has taken and then timed out on purpose so far. */
    public long providerTimeouts() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform().layout().providerUrl() + "/v1/admin/faults"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the payment provider's /v1/admin/faults answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).at("/injected/chargeThenTimeouts").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("the payment provider did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops everything the bench started. */
    @Override
    public void close() {
        chaos.close();
    }
}
