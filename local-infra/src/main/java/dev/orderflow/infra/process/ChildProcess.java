package dev.orderflow.infra.process;

import dev.orderflow.infra.InfraException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A process orderflow started: output goes to a log file, its pid to a pid file (with a marker
 * from its command line, so a recycled pid is never mistaken for ours), and, when owned, a JVM
 * shutdown hook stops it. Detached processes (the CLI's) outlive the JVM and are stopped by pid.
 */
public final class ChildProcess {
    private static final Logger LOG = Logger.getLogger(ChildProcess.class);

    private final String name;
    private final ProcessHandle handle;
    /** Null for an adopted process: only a process we started can tell its exit status. */
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, ProcessHandle handle, Process process, Path logFile, Path pidFile, boolean owned) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.shutdownHook = owned ? new Thread(this::stop, "stop-" + name) : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts {@code command}; {@code marker} must appear in its command line (a path or a
     * system property unique to this run's state directory).
     */
    public static ChildProcess start(String name, List<String> command, String marker, Path workDir, Path logFile,
            Path pidFile, Map<String, String> environment, boolean owned) {
        if (command.stream().noneMatch(arg -> arg.contains(marker))) {
            throw new IllegalArgumentException("marker " + marker + " is not part of the command line of " + name);
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, process.pid() + "\n" + marker + "\n", StandardCharsets.UTF_8);
            return new ChildProcess(name, process.toHandle(), process, logFile, pidFile, owned);
        } catch (IOException e) {
            throw new InfraException("Could not start " + name + " (" + command.get(0) + "): " + e.getMessage()
                    + ". Check that " + workDir + " is writable and the disk is not full.", e);
        }
    }

    /** Adopts a process that is already running (e.g. a PostgreSQL postmaster) and records its pid. */
    public static ChildProcess adopt(String name, ProcessHandle handle, String marker, Path logFile, Path pidFile,
            boolean owned) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, handle.pid() + "\n" + marker + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InfraException("Could not write pid file " + pidFile + ": " + e.getMessage(), e);
        }
        return new ChildProcess(name, handle, null, logFile, pidFile, owned);
    }

    /**
     * Stops the process a pid file names if it is still ours (its command line carries the
     * marker); a leftover of a killed run is cleaned up this way. Returns whether one was stopped.
     */
    public static boolean stopRecorded(Path pidFile, Duration grace) {
        Optional<ProcessHandle> alive = recordedProcess(pidFile);
        alive.ifPresent(handle -> terminate(handle, grace));
        deleteQuietly(pidFile);
        return alive.isPresent();
    }

    /** The live process a pid file names, if it is still ours. */
    public static Optional<ProcessHandle> recordedProcess(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            String marker = lines.get(1).trim();
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(cl -> cl.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Polls {@code ready} until it answers true; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!handle.isAlive()) {
                throw new InfraException(name + " exited during start-up. Last lines of " + logFile + ":\n" + tail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new InfraException(name + " was not ready after " + timeout.toSeconds() + " s. Last lines of " + logFile
                + ":\n" + tail(40));
    }

    /** SIGTERM, then SIGKILL after a grace period; removes the pid file. Idempotent. */
    public void stop() {
        stop(Duration.ofSeconds(20));
    }

    public void stop(Duration grace) {
        if (handle.isAlive()) {
            terminate(handle, grace);
        }
        deleteQuietly(pidFile);
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run: nothing to remove.
            }
        }
    }

    /**
     * Waits up to {@code timeout} for the process to exit on its own; its exit status, or empty if
     * it is still running (or was adopted, whose status only its parent can read).
     */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return OptionalInt.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new InfraException("Waiting for " + name + " to exit failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
        return process == null ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** SIGSTOP: the process freezes (a long GC pause, a suspended VM) until {@link #resume}. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        if (!handle.isAlive()) {
            return;
        }
        try {
            // The JDK sends only TERM and KILL; kill(1) is part of every POSIX system.
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(handle.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0 && handle.isAlive()) {
                throw new InfraException("kill -" + signal + " " + handle.pid() + " (" + name + ") failed: " + output);
            }
        } catch (IOException e) {
            throw new InfraException("Cannot send SIG" + signal + " to " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while sending SIG" + signal + " to " + name);
        }
    }

    /** Sends SIGKILL at once: for fault injection, never for a clean stop. */
    public void kill() {
        handle.destroyForcibly();
        handle.onExit().join();
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("pid %d did not stop within %d s; killing it", handle.pid(), grace.toSeconds());
            handle.destroyForcibly();
            handle.onExit().join();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A pid file that cannot be deleted is re-checked against the live process next time.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("Interrupted while waiting for start-up");
        }
    }
}
