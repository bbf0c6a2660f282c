package dev.orderflow.console.health;

import java.util.HashMap;
import java.util.Map;

/** The few numbers the console shows, summed over their labels, from a Prometheus text exposition. */
final class PrometheusText {
    private PrometheusText() {}

    static Map<String, Double> sums(String exposition) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            try {
                double value = Double.parseDouble(line.substring(space + 1).trim());
                if (!Double.isNaN(value)) {
                    sums.merge(name, value, Double::sum);
                }
            } catch (NumberFormatException notASample) {
                // a timestamped or malformed line: not one the console needs
            }
        }
        return sums;
    }
}
