package dev.orderflow.sandbox.cli;

/**
 * The exit status of every {@code orderflow} command, one meaning per number, so a script can tell
 * "the run found anomalies" from "you typed it wrong" or "the platform did not start". Each command's
 * {@code --help} lists the ones it can return; the README has the whole table.
 */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** chaos: at least one invariant broke (anomalies found); lab: the experiment did not show the pattern's point. */
    static final int INVALID = 1;
    /** picocli's own usage error, kept: unknown command or option, a bad value. */
    static final int USAGE = 2;
    /** status: a component is not running or not ready. */
    static final int NOT_READY = 3;
    /** chaos: the platform did not settle in time, so there is no verdict. */
    static final int UNKNOWN = 4;
    /** logs, dlq show: no such component or dead letter. */
    static final int NOT_FOUND = 5;
    /** The command could not do its job: infrastructure did not start, Kafka unreachable, an unexpected error. */
    static final int FAILED = 6;

    static final String SUCCESS_LINE = OK + ":success (chaos: every invariant holds; lab: the pattern prevented the damage; status: all ready)";
    static final String OK_LINE = OK + ":done";
    static final String VALID_LINE = OK + ":valid: every invariant holds";
    static final String READY_LINE = OK + ":every component is ready";
    static final String INVALID_LINE = INVALID + ":chaos found anomalies (an invariant broke)";
    static final String INVALID_ANY_LINE = INVALID + ":chaos found anomalies (an invariant broke); lab: the naive run showed no "
            + "damage or the pattern did not prevent it";
    static final String LAB_PASSED_LINE = OK + ":the naive run showed the damage and the pattern prevented it";
    static final String LAB_FAILED_LINE = INVALID + ":the naive run showed no damage, or the pattern did not prevent it";
    static final String USAGE_LINE = USAGE + ":usage error: unknown command or option, or a bad value";
    static final String NOT_READY_LINE = NOT_READY + ":status: a component is not running or not ready";
    static final String UNKNOWN_LINE = UNKNOWN + ":chaos: the platform did not settle in time, no verdict";
    static final String NOT_FOUND_LINE = NOT_FOUND + ":no such component (logs) or dead letter (dlq show)";
    static final String FAILED_LINE = FAILED + ":failed: infrastructure did not start, Kafka unreachable, or an error";
}
