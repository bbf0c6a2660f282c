package dev.orderflow.sandbox.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations as people type them on a command line: {@code 90s}, {@code 3m}, {@code 500ms}, {@code 1h}, or ISO {@code PT3M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("([0-9]+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher match = SIMPLE.matcher(value.trim());
        if (match.matches()) {
            long amount = Long.parseLong(match.group(1));
            return switch (match.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use e.g. 90s, 3m, 500ms or PT3M");
        }
    }
}
