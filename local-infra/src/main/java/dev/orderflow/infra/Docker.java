package dev.orderflow.infra;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

/** Asks once whether a Docker engine is reachable; without one, Testcontainers is never touched again. */
public final class Docker {
    private static final Logger LOG = Logger.getLogger(Docker.class);
    private static volatile Boolean available;

    private Docker() {}

    public static boolean isAvailable() {
        if (available == null) {
            synchronized (Docker.class) {
                if (available == null) {
                    long start = System.nanoTime();
                    boolean answer;
                    try {
                        answer = DockerClientFactory.instance().isDockerAvailable();
                    } catch (Throwable e) {
                        answer = false;
                    }
                    LOG.infof("Docker engine %s (asked in %d ms)", answer ? "reachable: using Testcontainers" : "not reachable: using local processes",
                            (System.nanoTime() - start) / 1_000_000);
                    available = answer;
                }
            }
        }
        return available;
    }
}
