package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** deploy/k8s renders with Kustomize and every document is one the cluster's API (and operators) would accept. */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of(System.getProperty("orderflow.home", "..")).resolve("deploy/k8s");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedDocumentParsesStrictlyIntoItsTypedModel(String overlay) throws Exception {
        List<JsonNode> documents = StrictManifests.documents(kustomize(K8S.resolve("overlays/" + overlay)));

        assertThat(documents).hasSizeGreaterThan(20);
        assertThat(documents.stream().flatMap(d -> StrictManifests.problems(d).stream())).isEmpty();
    }

    @Test
    void prodRunsThreeBrokersWithReplicatedTopicsScramUsersAndTwoReplicasPerService() throws Exception {
        Map<String, List<JsonNode>> byKind = StrictManifests.documents(kustomize(K8S.resolve("overlays/prod"))).stream()
                .collect(Collectors.groupingBy(d -> d.path("kind").asText()));

        assertThat(byKind.get("KafkaNodePool").get(0).at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(byKind.get("KafkaTopic")).hasSize(8).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
        });
        assertThat(byKind.get("KafkaUser")).hasSize(4)
                .allSatisfy(u -> assertThat(u.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512"));
        assertThat(byKind.get("Deployment").stream().filter(d -> d.at("/metadata/name").asText().endsWith("-service")))
                .hasSize(4).allSatisfy(d -> {
                    assertThat(d.at("/spec/replicas").asInt()).isEqualTo(2);
                    JsonNode container = d.at("/spec/template/spec/containers/0");
                    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
                    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
                    assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
                    // Secrets are referenced, never inlined.
                    assertThat(container.path("env").findValues("value").stream().map(JsonNode::asText))
                            .noneMatch(v -> v.toLowerCase().contains("password="));
                });
        assertThat(byKind.get("PodDisruptionBudget")).hasSize(4);
        assertThat(byKind).doesNotContainKey("Secret");
    }

    @Test
    void aMisspelledFieldInACoreKindFailsTheCheck() {
        JsonNode deployment = first("Deployment");
        ((ObjectNode) deployment.get("spec")).put("replicaz", 2);

        assertThat(StrictManifests.problems(deployment)).singleElement().asString().contains("replicaz");
    }

    @Test
    void aMisspelledFieldInAStrimziKindFailsTheCheck() {
        JsonNode kafka = first("Kafka");
        ((ObjectNode) kafka.at("/spec/kafka")).put("listenerz", 3);

        assertThat(StrictManifests.problems(kafka)).singleElement().asString().contains("listenerz");
    }

    @Test
    void aMisspelledOrMistypedFieldInACloudNativePgKindFailsTheCheck() {
        JsonNode cluster = first("Cluster");
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        ((ObjectNode) cluster.at("/spec/storage")).put("size", 20);

        assertThat(StrictManifests.problems(cluster)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains(".spec.instance: unknown field"))
                .anySatisfy(p -> assertThat(p).contains(".spec.storage.size: expected a string"));
    }

    @Test
    void aKindWithoutAModelIsNotWavedThrough() {
        JsonNode ingress = StrictManifests.documents("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n").get(0);

        assertThat(StrictManifests.problems(ingress)).singleElement().asString().contains("no typed model");
    }

    private static JsonNode first(String kind) {
        try {
            return StrictManifests.documents(kustomize(K8S.resolve("overlays/prod"))).stream()
                    .filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow().deepCopy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String kustomize(Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", dir, err).isZero();
        return out;
    }
}
