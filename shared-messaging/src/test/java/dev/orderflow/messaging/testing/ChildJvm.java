package dev.orderflow.messaging.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A test's own child process (same JDK, same classpath), so it can crash for real. Every child is
 * stopped by its pid when the test closes it, and by a shutdown hook if the test JVM exits first.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "stop-child-jvms"));
    }

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        RUNNING.add(process);
        Thread reader = new Thread(this::readOutput, "child-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass.getName(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean hasPrinted(String line) {
        return output.stream().anyMatch(l -> l.contains(line));
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9 by pid: no shutdown hooks, sessions and sockets die with the process. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("child " + process.pid() + " still running; output: " + output);
            }
            RUNNING.remove(process);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        RUNNING.remove(process);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                System.out.println("[child " + process.pid() + "] " + line);
            }
        } catch (IOException ignored) {
            // the process died; that is often the point
        }
    }
}
