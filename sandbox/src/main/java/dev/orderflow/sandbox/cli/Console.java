package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.Platform;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** Terminal output shared by the commands: progress lines and the endpoint table. */
final class Console {
    private Console() {}

    static Platform.Progress progress(PrintStream out) {
        return (component, detail, took) -> {
            synchronized (out) {
                out.printf("  ready  %-18s %5.1f s  %s%n", component, took.toMillis() / 1000.0, detail);
            }
        };
    }

    static void endpoints(PrintStream out, Map<String, String> endpoints) {
        endpoints.forEach((name, url) -> out.printf("  %-18s %s%n", name, url));
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
