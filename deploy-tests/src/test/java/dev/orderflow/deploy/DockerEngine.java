package dev.orderflow.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the container tests can run. Without an engine they skip, loudly and counted in the test summary;
 * in CI (CI=true), where .ci/run starts an engine, a missing one fails them instead of hiding them.
 */
final class DockerEngine {
    private DockerEngine() {}

    /** For docker-compose.yml's tests: an engine, docker-compose and debootstrap. */
    static void requireOrSkip() {
        skipOrFailWithout(missing(true));
    }

    /** For tests that start containers without compose (Testcontainers): an engine and debootstrap. */
    static void requireEngineOrSkip() {
        skipOrFailWithout(missing(false));
    }

    private static void skipOrFailWithout(String missing) {
        if (missing == null) {
            return;
        }
        String reason = "container tests need " + missing;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " and CI=true: .ci/run must install and start the engine");
        }
        System.err.println("\n*** SKIPPED (counted as skipped): " + reason
                + ". Install docker.io and docker-compose, start dockerd, and rerun. ***\n");
        Assumptions.abort(reason);
    }

    private static String missing(boolean compose) {
        if (run(List.of("docker", "info", "--format", "{{.ServerVersion}}")) != 0) {
            return "a Docker engine (`docker info` does not answer)";
        }
        if (compose && run(List.of("docker-compose", "version")) != 0) {
            return "docker-compose";
        }
        if (run(List.of("sh", "-c", "command -v debootstrap")) != 0) {
            return "debootstrap (for the stand-in base image)";
        }
        return null;
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs a command to the end; its output, or a failure naming it with its output. */
    static String exec(List<String> command, java.util.Map<String, String> env, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
