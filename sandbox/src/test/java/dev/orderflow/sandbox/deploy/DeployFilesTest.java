package dev.orderflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/ is not run here (no Docker): its files are parsed, and what they reference is checked
 * against the code — a dashboard querying a metric nobody registers would stay silently empty.
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\borderflow_[a-z_]+");
    private static final Pattern MICROMETER_NAME = Pattern.compile("\"(orderflow(?:\\.[a-z]+)+)\"");

    @Test
    void dashboardQueriesOnlyMetricsTheServicesRegisterAndCoversEveryPattern() throws IOException {
        JsonNode dashboard = JSON.readTree(DEPLOY.resolve("grafana/orderflow-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        assertThat(expressions).isNotEmpty().allSatisfy(expr -> assertThat(expr).containsPattern(PROMETHEUS_NAME));

        Set<String> registered = registeredMetricNames();
        Set<String> queried = new TreeSet<>();
        expressions.forEach(expr -> PROMETHEUS_NAME.matcher(expr).results().forEach(m -> queried.add(m.group())));
        assertThat(queried).allSatisfy(name -> assertThat(micrometerCandidates(name))
                .as("%s is registered somewhere in src/main", name).containsAnyElementsOf(registered));

        assertThat(queried).contains("orderflow_outbox_pending", "orderflow_outbox_oldest_age_seconds", "orderflow_outbox_published_total",
                "orderflow_outbox_publish_failures_total", "orderflow_inbox_duplicates_total", "orderflow_inbox_stale_total",
                "orderflow_inbox_parked_total", "orderflow_inbox_released_total", "orderflow_consumer_transient_retries_total",
                "orderflow_dead_letters_total", "orderflow_saga_duration_seconds_bucket", "orderflow_orders", "orderflow_orders_stuck");
    }

    @Test
    void collectorReceivesOtlpAndForwardsTracesToJaeger() throws IOException {
        JsonNode collector = YAML.readTree(DEPLOY.resolve("otel/otel-collector.yaml").toFile());
        assertThat(collector.at("/receivers/otlp/protocols/grpc/endpoint").asText()).endsWith(":4317");
        assertThat(collector.at("/receivers/otlp/protocols/http/endpoint").asText()).endsWith(":4318");
        JsonNode traces = collector.at("/service/pipelines/traces");
        assertThat(names(traces.path("receivers"))).contains("otlp");
        traces.path("receivers").forEach(r -> assertThat(collector.path("receivers").has(r.asText())).as("receiver %s", r).isTrue());
        traces.path("processors").forEach(p -> assertThat(collector.path("processors").has(p.asText())).as("processor %s", p).isTrue());
        traces.path("exporters").forEach(e -> assertThat(collector.path("exporters").has(e.asText())).as("exporter %s", e).isTrue());
        assertThat(collector.at("/exporters/otlp~1jaeger/endpoint").asText()).isEqualTo("jaeger:4317");
        assertThat(names(traces.path("exporters"))).contains("otlp/jaeger");

        JsonNode jaeger = YAML.readTree(DEPLOY.resolve("jaeger/jaeger.yaml").toFile());
        assertThat(jaeger.at("/receivers/otlp/protocols/grpc/endpoint").asText()).endsWith(":4317");
        String store = jaeger.at("/exporters/jaeger_storage_exporter/trace_storage").asText();
        assertThat(jaeger.at("/extensions/jaeger_storage/backends").has(store)).isTrue();
        assertThat(jaeger.at("/extensions/jaeger_query/storage/traces").asText()).isEqualTo(store);
    }

    @Test
    void prometheusScrapesEveryServiceMetricsEndpointOnItsDocumentedPort() throws IOException {
        JsonNode prometheus = YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            job.at("/static_configs/0/targets").forEach(t -> targets.add(t.asText()));
        });
        assertThat(targets).containsExactlyInAnyOrder("order-service:" + PlatformLayout.ORDER_PORT,
                "inventory-service:" + PlatformLayout.INVENTORY_PORT, "payment-service:" + PlatformLayout.PAYMENT_PORT,
                "shipping-service:" + PlatformLayout.SHIPPING_PORT);
    }

    /** Micrometer names a Prometheus series can come from (counters add _total, timers _seconds_bucket ...). */
    private static List<String> micrometerCandidates(String prometheusName) {
        String base = prometheusName.replaceFirst("_(total|bucket|count|sum|max)$", "");
        List<String> candidates = new ArrayList<>(List.of(base.replace('_', '.')));
        if (base.endsWith("_seconds")) {
            candidates.add(base.substring(0, base.length() - "_seconds".length()).replace('_', '.'));
        }
        return candidates;
    }

    /** Every "orderflow.*" string literal in the modules' main sources: the names meters are registered under. */
    private static Set<String> registeredMetricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                Matcher matcher = MICROMETER_NAME.matcher(Files.readString(file));
                matcher.results().forEach(m -> names.add(m.group(1)));
            }
        }
        return names;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
