package dev.orderflow.events.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * The schema as other languages and the registry see it: without the Java code generator's
 * {@code avro.java.string} hints that generated classes carry in their {@code SCHEMA$}
 * (the build sets {@code stringType=String}). The history stores this form.
 */
public final class LanguageNeutralSchema {

    private static final String JAVA_STRING_PROP = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same schema without Java-only properties; equal to the schema parsed from the history file. */
    public static Schema of(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            strip(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro printed a schema that is not JSON", e);
        }
    }

    /** Pretty-printed JSON of {@link #of(Schema)}: the content of a new history file. */
    public static String toHistoryFile(Schema schema) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(of(schema).toString())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro printed a schema that is not JSON", e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROP);
        }
        node.forEach(LanguageNeutralSchema::strip);
    }

    private LanguageNeutralSchema() {}
}
