package dev.orderflow.console.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.lab.Lab;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The console knows the labs by name only (it starts the CLI): a lab added or renamed in the sandbox must show up here. */
class LabRunsTest {

    @Test
    void theLearnPageOffersExactlyTheLabsTheCliHas() {
        assertThat(LabRuns.LABS).containsExactlyInAnyOrderElementsOf(Lab.all().keySet());
        assertThat(PatternCards.ALL.stream().map(PatternCards.Card::lab).filter(Objects::nonNull))
                .containsExactlyInAnyOrderElementsOf(Lab.all().keySet());
    }

    @Test
    void everyCardWithoutALabSaysWhyAndEveryCardWithOneSaysWhatItDoes() {
        assertThat(PatternCards.ALL).hasSize(7).allSatisfy(card -> {
            if (card.lab() == null) {
                assertThat(card.noLab()).startsWith("No lab: ");
            } else {
                assertThat(card.labShows()).isNotBlank();
                assertThat(card.noLab()).isNull();
            }
        });
    }

    @Test
    void anUnknownLabIsRefusedBeforeAnythingStarts() {
        LabRuns runs = new LabRuns(null);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> runs.start("inbox", 1))
                .withMessageContaining("no lab inbox");
    }
}
