package dev.orderflow.infra;

import dev.orderflow.infra.containers.ContainerImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * Asks once whether a Docker engine is reachable and holds the images; without both, Testcontainers is never
 * touched (its client starts Ryuk, which pulls an image, before it answers anything).
 */
public final class Docker {
    private static final Logger LOG = Logger.getLogger(Docker.class);
    private static volatile Boolean available;
    private static volatile Boolean hasImages;

    private Docker() {}

    public static boolean isAvailable() {
        if (available == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    long start = System.nanoTime();
                    boolean answer;
                    Optional<Path> socket = DockerEngineProbe.socket(System.getenv("DOCKER_HOST"));
                    if (socket.isPresent()) {
                        answer = DockerEngineProbe.get(socket.get(), "/_ping") == 200;
                    } else {
                        // A remote engine (tcp://): only Testcontainers knows how to reach it.
                        try {
                            answer = DockerClientFactory.instance().isDockerAvailable();
                        } catch (Throwable e) {
                            answer = false;
                        }
                    }
                    LOG.debugf("Docker engine %s (asked in %d ms)", answer ? "reachable" : "not reachable",
                            (System.nanoTime() - start) / 1_000_000);
                    available = answer;
                }
            }
        }
        return available;
    }

    /**
     * The auto mode's choice: an engine answers AND it already holds the three images. An engine
     * alone is not enough: where no registry can be reached, Testcontainers would fail on the pull.
     */
    public static boolean hasImages() {
        if (hasImages == null) {
            synchronized (Docker.class) {
                if (hasImages == null) {
                    boolean answer = false;
                    if (!isAvailable()) {
                        LOG.info("Docker engine not reachable: using local processes");
                    } else {
                        List<String> missing = missingImages();
                        answer = missing.isEmpty();
                        LOG.infof(answer ? "Docker engine reachable with every image: using Testcontainers"
                                : "Docker engine reachable but images %s are not present locally: using local processes "
                                        + "(ORDERFLOW_INFRA_MODE=containers pulls them)", missing);
                    }
                    hasImages = answer;
                }
            }
        }
        return hasImages;
    }

    private static List<String> missingImages() {
        Optional<Path> socket = DockerEngineProbe.socket(System.getenv("DOCKER_HOST"));
        if (socket.isEmpty()) {
            try {
                return ContainerImages.missingLocally();
            } catch (Throwable e) {
                return List.of("(cannot list: " + e.getMessage() + ")");
            }
        }
        return ContainerImages.all().stream().map(image -> image.asCanonicalNameString())
                .filter(name -> DockerEngineProbe.get(socket.get(), "/images/" + name + "/json") != 200)
                .toList();
    }
}
