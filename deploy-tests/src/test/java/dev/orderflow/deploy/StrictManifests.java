package dev.orderflow.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered Kubernetes documents into their typed models and rejects any field the model does not
 * know. fabric8's and Strimzi's classes collect unknown fields in an any-setter map instead of failing,
 * so the mapper here switches any-setters off: an unknown field is then an error naming its path.
 * CloudNativePG publishes no Java model: its kinds are checked against their CRD's OpenAPI schema.
 */
final class StrictManifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class);

    private static final Map<String, CrdSchema> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CrdSchema.load("crds/postgresql.cnpg.io_clusters.yaml", "v1"),
            "postgresql.cnpg.io/v1/Database", CrdSchema.load("crds/postgresql.cnpg.io_databases.yaml", "v1"));

    private StrictManifests() {}

    static List<JsonNode> documents(String multiDocumentYaml) {
        try (var parser = YAML.getFactory().createParser(multiDocumentYaml)) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    documents.add(d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String typeOf(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** Returns the problems of one document: empty when it parses strictly into its model or schema. */
    static List<String> problems(JsonNode document) {
        String type = typeOf(document);
        String name = type + " " + document.path("metadata").path("name").asText();
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                STRICT.treeToValue(document, model);
                return List.of();
            } catch (IOException e) {
                return List.of(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        CrdSchema schema = SCHEMAS.get(type);
        if (schema != null) {
            List<String> problems = new ArrayList<>(schema.problems(document).stream().map(p -> name + ": " + p).toList());
            try {
                STRICT.treeToValue(document.path("metadata"), ObjectMeta.class);
            } catch (IOException e) {
                problems.add(name + ": metadata: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return problems;
        }
        return List.of(name + ": no typed model or schema to check it against (add one before using this kind)");
    }
}
