package dev.orderflow.sandbox.chaos.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.schema.CompatibilityRule;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.events.schema.SchemaRevision;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A schema change that breaks compatibility (a new required field without a default: old events
 * cannot be read with it) attempted as a new version of a contract in the registry. The registry's
 * {@code FULL_TRANSITIVE} rule must refuse it; if it accepted it, the platform would be unprotected,
 * and the fault says so and fails.
 */
final class IncompatibleSchema extends BaseFault {
    static final String GROUP = "orderflow";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String registryApiUrl;
    private volatile boolean refused;

    IncompatibleSchema(String registryApiUrl, String type) {
        super(FaultType.INCOMPATIBLE_SCHEMA, type);
        this.registryApiUrl = registryApiUrl;
    }

    /** Whether the registry refused the change. */
    boolean refused() {
        return refused;
    }

    @Override
    void start() {
        EventDescriptor<?> contract = EventCatalog.require(target());
        List<SchemaRevision> history = SchemaHistory.of(contract);
        boolean ruleAdded = ensureRegistered(history);
        String incompatible = withRequiredField(history.get(history.size() - 1).schema().toString());
        HttpResponse<String> answer = post(artifactPath() + "/versions", versionBody(incompatible));
        String rule = ruleAdded ? " (the group had no rule yet: set to the project's " + CompatibilityRule.PROJECT_RULE + ")" : "";
        if (isRuleViolation(answer)) {
            refused = true;
            detail("the schema registry refused an incompatible version of " + target()
                    + " (a new required field without a default): " + problem(answer.body()) + rule);
        } else if (answer.statusCode() / 100 == 2) {
            detail("ACCEPTED: the schema registry registered an incompatible version of " + target()
                    + " (a new required field without a default); its compatibility rule does not protect the consumers" + rule);
            throw new IllegalStateException(detail());
        } else {
            detail("the schema registry answered " + answer.statusCode() + " to an incompatible version of " + target()
                    + ", not a compatibility refusal: " + answer.body());
            throw new IllegalStateException(detail());
        }
    }

    @Override
    void end() {
        // A refused schema left nothing behind.
    }

    /**
     * The contract's committed history registered as the services register it on their first
     * publish (idempotent: identical content is found, not added), so the attempt is judged
     * against every revision. Returns whether the group's rule had to be set.
     */
    private boolean ensureRegistered(List<SchemaRevision> history) {
        boolean ruleAdded = false;
        HttpResponse<String> group = post("/groups", "{\"groupId\": \"" + GROUP + "\"}");
        requireCreatedOrExists(group, "create group " + GROUP);
        HttpResponse<String> rule = post("/groups/" + GROUP + "/rules",
                "{\"ruleType\": \"COMPATIBILITY\", \"config\": \"" + CompatibilityRule.PROJECT_RULE.name() + "\"}");
        requireCreatedOrExists(rule, "set the group's compatibility rule");
        ruleAdded = rule.statusCode() / 100 == 2;
        for (SchemaRevision revision : history) {
            ObjectNode artifact = JSON.createObjectNode();
            artifact.put("artifactId", target());
            artifact.put("artifactType", "AVRO");
            artifact.set("firstVersion", versionNode(revision.schema().toString()));
            HttpResponse<String> created = post("/groups/" + GROUP + "/artifacts?ifExists=FIND_OR_CREATE_VERSION",
                    artifact.toString());
            requireCreatedOrExists(created, "register revision " + revision.revision() + " of " + target());
        }
        return ruleAdded;
    }

    private String artifactPath() {
        return "/groups/" + GROUP + "/artifacts/" + URLEncoder.encode(target(), StandardCharsets.UTF_8);
    }

    private static String withRequiredField(String schemaJson) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(schemaJson);
            ObjectNode field = JSON.createObjectNode();
            field.put("name", "chaosRequiredField");
            field.put("type", "string");
            ((com.fasterxml.jackson.databind.node.ArrayNode) schema.get("fields")).add(field);
            return schema.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the committed schema: " + e.getMessage(), e);
        }
    }

    private static String versionBody(String schema) {
        return versionNode(schema).toString();
    }

    private static ObjectNode versionNode(String schema) {
        ObjectNode content = JSON.createObjectNode();
        content.put("content", schema);
        content.put("contentType", "application/json");
        ObjectNode version = JSON.createObjectNode();
        version.set("content", content);
        return version;
    }

    /** Apicurio 3.3 answers 400 (earlier versions 409) with a problem named RuleViolationException. */
    private static boolean isRuleViolation(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 4) {
            return false;
        }
        try {
            return "RuleViolationException".equals(JSON.readTree(answer.body()).path("name").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? problem.path("title").asText(body) : detail;
        } catch (IOException e) {
            return body;
        }
    }

    private static void requireCreatedOrExists(HttpResponse<String> answer, String what) {
        if (answer.statusCode() / 100 != 2 && answer.statusCode() != 409) {
            throw new IllegalStateException("the schema registry could not " + what + ": HTTP " + answer.statusCode()
                    + " " + answer.body());
        }
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(registryApiUrl + path)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the schema registry at " + registryApiUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the schema registry", e);
        }
    }
}
