package dev.orderflow.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The committed schema history is complete, matches the current schemas, and is never edited. */
class SchemaHistoryTest {

    @Test
    void currentSchemaIsTheLastRevisionOfItsHistory() {
        for (EventDescriptor<?> event : EventCatalog.all()) {
            List<SchemaRevision> history = SchemaHistory.of(event);
            assertThat(history).as(event.label() + " has a committed history").isNotEmpty();
            Schema current = LanguageNeutralSchema.of(event.schema());
            SchemaRevision last = history.getLast();
            assertThat(last.schema())
                    .as("%s changed in src/main/avro but its history does not end with it. If the change is meant to"
                            + " ship, add it as src/main/avro-history/%s/%d.avsc (and its line in SHA256SUMS) with:%n%s",
                            event.label(), event.historyPath(), last.revision() + 1,
                            LanguageNeutralSchema.toHistoryFile(event.schema()))
                    .isEqualTo(current);
        }
    }

    @Test
    void historyStoresLanguageNeutralSchemas() {
        for (EventDescriptor<?> event : EventCatalog.all()) {
            for (SchemaRevision revision : SchemaHistory.of(event)) {
                assertThat(revision.schema().toString()).as(revision.source()).doesNotContain("avro.java.string");
            }
        }
    }

    @Test
    void releasedRevisionsAreNeverEdited() throws IOException {
        Map<String, String> pinned = pinnedChecksums();
        for (EventDescriptor<?> event : EventCatalog.all()) {
            for (SchemaRevision revision : SchemaHistory.of(event)) {
                String file = event.historyPath() + "/" + revision.revision() + ".avsc";
                assertThat(pinned)
                        .as("%s is released but not pinned: add `sha256sum %s` to SHA256SUMS", file, file)
                        .containsKey(file);
                assertThat(sha256(SchemaHistory.RESOURCE_ROOT + "/" + file))
                        .as("%s was edited after its release: released revisions are data, never edited."
                                + " Restore it and add the change as a new revision.", file)
                        .isEqualTo(pinned.get(file));
            }
        }
    }

    @Test
    void everyHistoryFileBelongsToACataloguedEventAndRevisionsHaveNoGaps() throws IOException {
        Path root = Path.of(System.getProperty("orderflow.schemas.history-dir", "src/main/avro-history"));
        Set<String> catalogued = new HashSet<>();
        for (EventDescriptor<?> event : EventCatalog.all()) {
            SchemaHistory.of(event).forEach(r -> catalogued.add(event.historyPath() + "/" + r.revision() + ".avsc"));
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<String> onDisk = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("SHA256SUMS"))
                    .toList();
            assertThat(onDisk)
                    .as("files in %s that no catalogued event reads (a typo, a gap in revision numbers,"
                            + " or an event missing from EventCatalog)", root)
                    .containsExactlyInAnyOrderElementsOf(catalogued);
        }
        assertThat(pinnedChecksums().keySet()).containsExactlyInAnyOrderElementsOf(catalogued);
    }

    /** {@code SHA256SUMS}, in {@code sha256sum} format: {@code <hex>  <path>}. */
    private static Map<String, String> pinnedChecksums() throws IOException {
        Map<String, String> pinned = new LinkedHashMap<>();
        try (InputStream in = resource(SchemaHistory.RESOURCE_ROOT + "/SHA256SUMS")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.trim().split("\\s+\\*?", 2);
                    pinned.put(parts[1], parts[0]);
                }
            }
        }
        return pinned;
    }

    private static String sha256(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SchemaHistoryTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("classpath resource " + name).isNotNull();
        return in;
    }
}
