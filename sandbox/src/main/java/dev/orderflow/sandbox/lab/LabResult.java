package dev.orderflow.sandbox.lab;

import java.util.List;

/**
 * What one lab saw, the same experiment twice: with its pattern switched off ({@code naive}) and on
 * ({@code patterns}). It passes only when both halves make the point: the naive run showed the
 * damage and the pattern prevented it; a naive run that happened to do no harm proves nothing.
 *
 * @param pattern the lab's name, e.g. {@code outbox}
 * @param naive what happened with the pattern off, one plain sentence per line, with the ids to look up
 * @param patterns what happened with it on, the same way
 * @param damageShown the naive run showed the failure the pattern exists for
 * @param damagePrevented the run with the pattern on did not show it
 */
public record LabResult(String pattern, Half naive, Half patterns, boolean damageShown, boolean damagePrevented) {

    /** One half of the experiment: a headline and the evidence behind it. */
    public record Half(String title, List<String> evidence) {}

    public boolean passed() {
        return damageShown && damagePrevented;
    }

    /** The two halves one under the other, then the verdict, for a terminal. */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (Half half : List.of(naive, patterns)) {
            text.append("  ").append(half.title()).append('\n');
            half.evidence().forEach(line -> text.append("    - ").append(line).append('\n'));
        }
        return text.append("  verdict: ").append(verdict()).append('\n').toString();
    }

    /** The verdict in words: passed, inconclusive (the naive run did no harm) or failed. */
    public String verdict() {
        if (passed()) {
            return "the pattern prevented the damage the naive run showed";
        } else if (!damageShown) {
            return "INCONCLUSIVE: the naive run showed no damage, so this run proves nothing (try another --seed)";
        }
        return "FAILED: the run with the pattern on did not come out clean (see above)";
    }
}
