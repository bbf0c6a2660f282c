import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording's CPU samples ({@code jdk.CPUTimeSample}, JDK 25 on Linux: one sample per
 * period of CPU time a thread used; or {@code jdk.ExecutionSample}) as a table of where the CPU
 * went, by phase, and as a self-contained SVG flame graph. Only the JDK: run it as a source file,
 * {@code java docs/performance/JfrProfile.java <recording.jfr> <out.svg> [orders] [ms per sample]};
 * with the orders completed during the recording it prints each phase's CPU-ms per order (samples
 * times the period: an estimate; the bench's /proc numbers are the measurement). Written by hand because no JFR-to-flame-graph converter is on this machine's
 * Maven mirror (async-profiler's converter is not).
 */
public class JfrProfile {
    /**
     * Phases, checked from the leaf frame towards the root: the first frame that matches names the
     * sample's phase, so a JDBC write inside the relay's mark counts as JDBC, not as relay.
     */
    static final Map<String, List<String>> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("logging (JSON lines, MDC)", List.of("org.jboss.logmanager.", "io.quarkus.logging.", "org.jboss.logging.", "io.quarkus.bootstrap.logging."));
        PHASES.put("metrics (Micrometer)", List.of("io.micrometer."));
        PHASES.put("tracing (OpenTelemetry)", List.of("io.opentelemetry.", "io.quarkus.opentelemetry."));
        PHASES.put("Avro / registry decode+encode", List.of("org.apache.avro.", "io.apicurio.", "dev.orderflow.messaging.registry.", "dev.orderflow.events."));
        PHASES.put("Kafka client (poll, fetch, send)", List.of("org.apache.kafka."));
        PHASES.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        PHASES.put("Hibernate (flush, dirty check, load)", List.of("org.hibernate."));
        PHASES.put("transactions (Narayana)", List.of("com.arjuna.", "io.narayana.", "io.quarkus.narayana.", "org.jboss.tm."));
        PHASES.put("connection pool (Agroal)", List.of("io.agroal."));
        PHASES.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        PHASES.put("inbox / ordering / consumer steps", List.of("dev.orderflow.messaging.inbox.", "dev.orderflow.messaging.ordering.", "dev.orderflow.messaging.consumer."));
        PHASES.put("outbox append", List.of("dev.orderflow.messaging.outbox."));
        PHASES.put("relay (select, encode, send, mark)", List.of("dev.orderflow.messaging.relay."));
        PHASES.put("other orderflow code", List.of("dev.orderflow."));
        PHASES.put("HTTP (RESTEasy Reactive)", List.of("org.jboss.resteasy.", "io.quarkus.resteasy."));
        PHASES.put("Vert.x / Netty (event loops, worker dispatch, HTTP I/O)", List.of("io.vertx.", "io.quarkus.vertx.", "io.netty."));
        PHASES.put("reactive messaging (SmallRye, Mutiny)", List.of("io.smallrye.reactive.", "io.smallrye.mutiny."));
        PHASES.put("CDI (ArC)", List.of("io.quarkus.arc."));
        PHASES.put("JDK (collections, crypto, I/O, ...)", List.of("java.", "javax.", "jdk.", "sun."));
    }

    static final class Node {
        final String name;
        final Map<String, Node> children = new TreeMap<>();
        long samples;

        Node(String name) {
            this.name = name;
        }
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        Node root = new Node("all");
        Map<String, Long> leaves = new java.util.HashMap<>();
        Map<String, Long> phases = new LinkedHashMap<>();
        Map<String, Long> inclusive = new LinkedHashMap<>();
        PHASES.keySet().forEach(p -> phases.put(p, 0L));
        PHASES.keySet().forEach(p -> inclusive.put(p, 0L));
        phases.put("unclassified", 0L);
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (!(type.equals("jdk.CPUTimeSample") || type.equals("jdk.ExecutionSample")) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames(); // leaf first
            total++;
            phases.merge(phase(frames), 1L, Long::sum);
            if (!frames.isEmpty()) {
                leaves.merge(firstFrameOutsideJdk(frames), 1L, Long::sum);
            }
            for (Map.Entry<String, List<String>> p : PHASES.entrySet()) {
                if (frames.stream().anyMatch(f -> p.getValue().stream().anyMatch(f.getMethod().getType().getName()::startsWith))) {
                    inclusive.merge(p.getKey(), 1L, Long::sum);
                }
            }
            Node node = root;
            root.samples++;
            for (int i = frames.size() - 1; i >= 0; i--) {
                RecordedFrame f = frames.get(i);
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                node = node.children.computeIfAbsent(name, Node::new);
                node.samples++;
            }
        }
        long orders = args.length > 2 ? Long.parseLong(args[2]) : 0;
        double msPerSample = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        System.out.printf(Locale.ROOT, "%s: %d CPU samples%n  %-42s %8s %10s%s%n", recording.getFileName(), total, "phase",
                "self", "inclusive", orders > 0 ? "  self ms/order" : "");
        for (Map.Entry<String, Long> e : phases.entrySet()) {
            if (e.getValue() > 0 || inclusive.getOrDefault(e.getKey(), 0L) > 0) {
                System.out.printf(Locale.ROOT, "  %-42s %6.1f %% %8.1f %%%s%n", e.getKey(), 100.0 * e.getValue() / total,
                        100.0 * inclusive.getOrDefault(e.getKey(), e.getValue()) / total,
                        orders > 0 ? String.format(Locale.ROOT, "  %5.2f", e.getValue() * msPerSample / orders) : "");
            }
        }
        System.out.println("  hottest frames (first frame outside the JDK, self):");
        final long samples = total;
        leaves.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), svg(root, recording.getFileName().toString()));
        }
    }

    private static String firstFrameOutsideJdk(List<RecordedFrame> leafFirst) {
        for (RecordedFrame f : leafFirst) {
            String type = f.getMethod().getType().getName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
                return type + "." + f.getMethod().getName();
            }
        }
        RecordedFrame leaf = leafFirst.get(0);
        return leaf.getMethod().getType().getName() + "." + leaf.getMethod().getName();
    }

    static String phase(List<RecordedFrame> leafFirst) {
        for (RecordedFrame f : leafFirst) {
            String type = f.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> p : PHASES.entrySet()) {
                if (!p.getKey().startsWith("JDK") && p.getValue().stream().anyMatch(type::startsWith)) {
                    return p.getKey();
                }
            }
        }
        for (RecordedFrame f : leafFirst) {
            String type = f.getMethod().getType().getName();
            if (PHASES.get("JDK (collections, crypto, I/O, ...)").stream().anyMatch(type::startsWith)) {
                return "JDK (collections, crypto, I/O, ...)";
            }
        }
        return "unclassified";
    }

    /** A classic flame graph: root at the bottom, width = samples; hover shows the frame and its share. */
    static String svg(Node root, String title) {
        int width = 1200;
        int rowHeight = 16;
        int depth = depth(root);
        int height = (depth + 2) * rowHeight + 20;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"11\">"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fdfdf6\"/><text x=\"6\" y=\"14\">%s: %d samples</text>",
                width, height, escape(title), root.samples));
        draw(out, root, 0, 0, width, height - rowHeight - 4, rowHeight, root.samples);
        return out.append("</svg>\n").toString();
    }

    private static void draw(StringBuilder out, Node node, int level, double x, double w, int baseY, int rowHeight, long total) {
        if (w < 4.0) {
            return;
        }
        int y = baseY - level * rowHeight;
        String label = node.name + " (" + String.format(Locale.ROOT, "%.1f%%", 100.0 * node.samples / total) + ")";
        out.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.3\"/>",
                escape(label), x, y, w, rowHeight - 1, color(node.name)));
        int chars = (int) (w / 6.6);
        if (chars > 3) {
            String simple = node.name.substring(node.name.lastIndexOf('.', node.name.lastIndexOf('.') - 1) + 1);
            String shown = simple.length() > chars ? simple.substring(0, chars - 2) + ".." : simple;
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + rowHeight - 4, escape(shown)));
        }
        out.append("</g>");
        double childX = x;
        for (Node child : node.children.values()) {
            double cw = w * child.samples / node.samples;
            draw(out, child, level + 1, childX, cw, baseY, rowHeight, total);
            childX += cw;
        }
    }

    private static int depth(Node node) {
        int max = 0;
        for (Node child : node.children.values()) {
            max = Math.max(max, depth(child));
        }
        return max + 1;
    }

    private static String color(String frame) {
        if (frame.startsWith("dev.orderflow.")) {
            return "#e8a33d";
        }
        if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
            return "#d9d36b";
        }
        int h = Math.abs(frame.hashCode());
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", 200 + h % 55, 80 + (h / 55) % 100, 50 + (h / 5500) % 40);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
