package dev.orderflow.sandbox.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json is what the console's Learn page reads instead of the terminal text: its fields must carry both halves. */
class LabResultFileTest {
    private static final LabResult.Half NAIVE = new LabResult.Half("without:", List.of("order o-1 still PLACED"));
    private static final LabResult.Half PATTERN = new LabResult.Half("with:", List.of("order o-2 SHIPPED"));

    @Test
    void resultFileCarriesBothHalvesAndTheVerdictSoAReaderNeedNotScrapeTheText(@TempDir Path dir) throws IOException {
        LabResultFile.write(dir, List.of(new LabResult("outbox", NAIVE, PATTERN, true, true)));

        JsonNode file = new ObjectMapper().readTree(dir.resolve(LabResultFile.NAME).toFile());
        assertThat(file.path("passed").asBoolean()).isTrue();
        JsonNode lab = file.path("labs").get(0);
        assertThat(lab.path("pattern").asText()).isEqualTo("outbox");
        assertThat(lab.path("passed").asBoolean()).isTrue();
        assertThat(lab.path("verdict").asText()).isEqualTo("the pattern prevented the damage the naive run showed");
        assertThat(lab.at("/naive/title").asText()).isEqualTo("without:");
        assertThat(lab.at("/naive/evidence/0").asText()).isEqualTo("order o-1 still PLACED");
        assertThat(lab.at("/patterns/title").asText()).isEqualTo("with:");
        assertThat(lab.at("/patterns/evidence/0").asText()).isEqualTo("order o-2 SHIPPED");
        assertThat(dir.resolve(LabResultFile.NAME + ".partial")).doesNotExist();
    }

    @Test
    void oneInconclusiveLabMakesTheWholeFileNotPassedAsTheExitStatusDoes(@TempDir Path dir) throws IOException {
        LabResultFile.write(dir, List.of(new LabResult("outbox", NAIVE, PATTERN, true, true),
                new LabResult("ordering", NAIVE, PATTERN, false, true)));

        JsonNode file = new ObjectMapper().readTree(dir.resolve(LabResultFile.NAME).toFile());
        assertThat(file.path("passed").asBoolean()).isFalse();
        assertThat(file.at("/labs/1/passed").asBoolean()).isFalse();
        assertThat(file.at("/labs/1/verdict").asText()).startsWith("INCONCLUSIVE");
    }
}
