package dev.orderflow.sandbox.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabResultTest {
    private static final LabResult.Half NAIVE = new LabResult.Half("without:", List.of("order o-1 still PLACED"));
    private static final LabResult.Half PATTERN = new LabResult.Half("with:", List.of("order o-2 SHIPPED"));

    @Test
    void aNaiveRunThatDidNoHarmIsInconclusiveNotAPass() {
        LabResult result = new LabResult("outbox", NAIVE, PATTERN, false, true);

        assertThat(result.passed()).isFalse();
        assertThat(result.render()).contains("INCONCLUSIVE");
    }

    @Test
    void damageWithThePatternOnFailsTheLab() {
        LabResult result = new LabResult("outbox", NAIVE, PATTERN, true, false);

        assertThat(result.passed()).isFalse();
        assertThat(result.render()).contains("FAILED");
    }

    @Test
    void passesOnlyWhenTheNaiveRunShowedTheDamageAndThePatternPreventedIt() {
        LabResult result = new LabResult("outbox", NAIVE, PATTERN, true, true);

        assertThat(result.passed()).isTrue();
        assertThat(result.render()).contains("without:", "order o-1 still PLACED", "with:", "order o-2 SHIPPED")
                .contains("the pattern prevented the damage the naive run showed");
    }
}
