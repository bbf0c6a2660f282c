package dev.orderflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CRD's structural OpenAPI v3 schema, applied the way the API server prunes and validates: unknown
 * fields, wrong types, missing required fields and values outside an enum are problems. Hand-written
 * because no schema library on the build's classpath speaks Kubernetes' extensions
 * (x-kubernetes-preserve-unknown-fields, x-kubernetes-int-or-string); CEL rules are not evaluated.
 */
final class CrdSchema {
    private final JsonNode root;

    private CrdSchema(JsonNode root) {
        this.root = root;
    }

    static CrdSchema load(String resource, String version) {
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    return new CrdSchema(v.path("schema").path("openAPIV3Schema"));
                }
            }
            throw new IllegalArgumentException(resource + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isInt() && !value.isTextual()) {
                problems.add(path + ": expected an integer or a string");
            }
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        switch (schema.path("type").asText()) {
            case "object" -> checkObject(schema, value, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "string" -> expect(value.isTextual(), "a string", path, problems);
            case "integer" -> expect(value.isIntegralNumber(), "an integer", path, problems);
            case "number" -> expect(value.isNumber(), "a number", path, problems);
            case "boolean" -> expect(value.isBoolean(), "a boolean", path, problems);
            default -> { }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": expected an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        value.fields().forEachRemaining(field -> {
            String fieldPath = path + "." + field.getKey();
            if (isTypeMeta(path, field.getKey())) {
                return;
            }
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, problems);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), fieldPath, problems);
            } else if (!preserveUnknown) {
                problems.add(fieldPath + ": unknown field");
            }
        });
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        }
    }

    /** The root's apiVersion, kind and metadata are the API server's own (metadata is checked as ObjectMeta). */
    private static boolean isTypeMeta(String path, String field) {
        return path.isEmpty() && (field.equals("apiVersion") || field.equals("kind") || field.equals("metadata"));
    }

    private static void expect(boolean ok, String what, String path, List<String> problems) {
        if (!ok) {
            problems.add(path + ": expected " + what);
        }
    }
}
