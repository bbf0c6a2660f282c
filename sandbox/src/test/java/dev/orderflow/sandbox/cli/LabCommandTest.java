package dev.orderflow.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lab command's arguments, checked before anything starts (no platform here). */
class LabCommandTest {

    @Test
    void anUnknownLabIsAUsageErrorThatNamesTheLabsNotAFailedLab() {
        CliHelpTest.Run run = CliHelpTest.run("lab", "no-such-pattern");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE).isNotEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("no lab 'no-such-pattern'").contains("outbox, ordering, idempotency-key")
                .contains("./orderflow help lab");
    }

    @Test
    void aLabNeedsItsPattern() {
        assertThat(CliHelpTest.run("lab").exit()).isEqualTo(ExitCodes.USAGE);
    }
}
