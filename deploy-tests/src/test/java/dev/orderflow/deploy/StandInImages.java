package dev.orderflow.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-ins for the official Kafka, PostgreSQL and Apicurio images (no registry can be pulled from here), built
 * by standins/build.sh or found in its cache: every container test of this module runs on the same images.
 */
final class StandInImages {
    private StandInImages() {}

    /** Builds (or finds cached) stand-ins and returns the variables build.sh prints (ORDERFLOW_*_IMAGE). */
    static Map<String, String> build(Path root) {
        String out = DockerEngine.exec(List.of("bash", root.resolve("deploy-tests/standins/build.sh").toString()),
                Map.of("JAVA_HOME", System.getProperty("java.home")), 900);
        Map<String, String> images = new LinkedHashMap<>();
        out.lines().filter(l -> l.startsWith("ORDERFLOW_") && l.contains("=")).forEach(l -> {
            int eq = l.indexOf('=');
            images.put(l.substring(0, eq), l.substring(eq + 1).trim());
        });
        return images;
    }
}
