package dev.orderflow.events.schema;

import dev.orderflow.events.schema.CompatibilityViolation.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The build-time compatibility gate: checks each revision of an event against ALL its earlier
 * revisions with Avro's own checker ({@link SchemaCompatibility}) under a {@link CompatibilityRule},
 * plus one check Avro's checker lacks: a field's logical type (a decimal's precision and scale, a
 * timestamp's unit) must not change, because the bytes would stay readable and silently change
 * meaning (12.34 written at scale 2 reads as 1.234 at scale 3).
 *
 * <p>Pure: schemas in, violations out. {@code SchemaCompatibilityGateTest} runs it over every
 * event of {@link dev.orderflow.events.EventCatalog} during {@code ./mvnw verify}.
 */
public final class SchemaCompatibilityGate {

    private final CompatibilityRule rule;

    public SchemaCompatibilityGate(CompatibilityRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public CompatibilityRule rule() {
        return rule;
    }

    /** Every revision of {@code history} (oldest first) against every revision before it. */
    public List<CompatibilityViolation> check(String event, List<SchemaRevision> history) {
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            violations.addAll(checkCandidate(event, history.get(i), history.subList(0, i)));
        }
        return violations;
    }

    /** One candidate revision against every earlier revision. */
    public List<CompatibilityViolation> checkCandidate(
            String event, SchemaRevision candidate, List<SchemaRevision> earlier) {
        List<CompatibilityViolation> violations = new ArrayList<>();
        for (SchemaRevision old : earlier) {
            if (rule.newReadsOld()) {
                violations.addAll(avroCheck(event, candidate, old, Check.BACKWARD, candidate.schema(), old.schema()));
            }
            if (rule.oldReadsNew()) {
                violations.addAll(avroCheck(event, candidate, old, Check.FORWARD, old.schema(), candidate.schema()));
            }
            violations.addAll(logicalTypeCheck(event, candidate, old));
        }
        return violations;
    }

    /** A readable multi-line report for a build failure, or an empty string when there is nothing to report. */
    public String report(List<CompatibilityViolation> violations) {
        if (violations.isEmpty()) {
            return "";
        }
        StringBuilder report = new StringBuilder()
                .append("Schema compatibility gate failed under ")
                .append(rule)
                .append(": ")
                .append(violations.size())
                .append(" violation(s)\n");
        violations.forEach(v -> report.append("  - ").append(v.describe()).append('\n'));
        report.append("A released revision can only be followed by a compatible one: add optional fields with a"
                + " default, or publish a new major version with an adapter. See docs/patterns/schema-evolution.md.");
        return report.toString();
    }

    private static List<CompatibilityViolation> avroCheck(
            String event, SchemaRevision candidate, SchemaRevision old, Check check, Schema reader, Schema writer) {
        List<CompatibilityViolation> violations = new ArrayList<>();
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            String location = incompatibility.getLocation();
            violations.add(new CompatibilityViolation(
                    event,
                    candidate.revision(),
                    old.revision(),
                    check,
                    incompatibility.getType().name(),
                    fieldAt(reader, location, incompatibility),
                    location,
                    detail(incompatibility)));
        }
        return violations;
    }

    private static String detail(Incompatibility incompatibility) {
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "the reader needs field '" + incompatibility.getMessage()
                    + "', it has no default and the writer does not write it";
            default -> incompatibility.getMessage();
        };
    }

    /**
     * Turns Avro's location (a JSON pointer into the reader schema, e.g. {@code /fields/2/type/items/fields/1})
     * into a field path ({@code lines[].quantity}).
     */
    static String fieldAt(Schema reader, String location, Incompatibility incompatibility) {
        StringBuilder path = new StringBuilder();
        Schema current = reader;
        String[] tokens = location.split("/");
        try {
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                switch (token) {
                    case "", "type" -> {}
                    case "fields" -> {
                        Schema.Field field = current.getFields().get(Integer.parseInt(tokens[++i]));
                        path.append(path.isEmpty() ? "" : ".").append(field.name());
                        current = field.schema();
                    }
                    case "items" -> {
                        current = current.getElementType();
                        path.append("[]");
                    }
                    case "values" -> {
                        current = current.getValueType();
                        path.append("{}");
                    }
                    default -> {
                        if (current.getType() == Schema.Type.UNION && token.chars().allMatch(Character::isDigit)) {
                            current = current.getTypes().get(Integer.parseInt(token));
                        } else {
                            i = tokens.length; // "symbols", "size", "name": the path so far is the field
                        }
                    }
                }
            }
        } catch (RuntimeException unexpectedShape) {
            // keep the path resolved so far; the location is reported as well
        }
        if (path.isEmpty()) {
            // a difference at the top level (record name...) or a field the writer lacks
            return incompatibility.getType() == SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE
                    ? incompatibility.getMessage()
                    : "(record " + reader.getFullName() + ")";
        }
        return path.toString();
    }

    private static List<CompatibilityViolation> logicalTypeCheck(
            String event, SchemaRevision candidate, SchemaRevision old) {
        Map<String, String> before = leafTypes(old.schema());
        Map<String, String> after = leafTypes(candidate.schema());
        List<CompatibilityViolation> violations = new ArrayList<>();
        after.forEach((field, now) -> {
            String was = before.get(field);
            if (was != null && !was.equals(now) && (isLogical(was) || isLogical(now))) {
                violations.add(new CompatibilityViolation(
                        event,
                        candidate.revision(),
                        old.revision(),
                        Check.LOGICAL_TYPE,
                        "LOGICAL_TYPE_CHANGED",
                        field,
                        "-",
                        "was " + was + ", now " + now));
            }
        });
        return violations;
    }

    /** Field path -> logical type signature (or the plain type) of every leaf of a schema. */
    private static Map<String, String> leafTypes(Schema schema) {
        Map<String, String> leaves = new LinkedHashMap<>();
        collectLeaves(schema, "", leaves, new HashSet<>());
        return leaves;
    }

    private static void collectLeaves(Schema schema, String path, Map<String, String> leaves, Set<String> inProgress) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!inProgress.add(schema.getFullName())) {
                    return; // recursive type: already being walked
                }
                for (Schema.Field field : schema.getFields()) {
                    collectLeaves(field.schema(), path.isEmpty() ? field.name() : path + "." + field.name(), leaves, inProgress);
                }
                inProgress.remove(schema.getFullName());
            }
            case ARRAY -> collectLeaves(schema.getElementType(), path + "[]", leaves, inProgress);
            case MAP -> collectLeaves(schema.getValueType(), path + "{}", leaves, inProgress);
            case UNION -> schema.getTypes().stream()
                    .filter(branch -> branch.getType() != Schema.Type.NULL)
                    .forEach(branch -> collectLeaves(branch, path, leaves, inProgress));
            default -> leaves.put(path, signature(schema));
        }
    }

    private static String signature(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null) {
            return "plain " + schema.getType().getName();
        }
        if (logicalType instanceof LogicalTypes.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        return logicalType.getName();
    }

    private static boolean isLogical(String signature) {
        return !signature.startsWith("plain ");
    }
}
