package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.InfraSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * local-infra's Testcontainers path (ORDERFLOW_INFRA_MODE=containers), which the rest of the suite never takes here (its
 * auto mode finds no official image in the engine and runs local processes): shipping-service's {@code @QuarkusTest}s run, unchanged, against Kafka, PostgreSQL and
 * Apicurio containers of the stand-in images, named through the same ORDERFLOW_*_IMAGE variables docker-compose.yml
 * uses. Run as a user would: a Maven build of that module with the mode set in its environment.
 *
 * <p>Ryuk (Testcontainers' reaper) is off, its image cannot be pulled here: the test JVM's shutdown hook stops the
 * containers, and this test checks that nothing it created is left, removing and failing on any leftover.
 */
class ContainersInfraModeIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final String SERVICE = "shipping-service";
    /** local-infra labels its containers with the state directory that owns them: the service's test infra's. */
    private static final String OURS = "label=" + InfraSpec.CONTAINER_MARKER_LABEL + "="
            + ROOT.resolve(SERVICE + "/target/orderflow-infra");
    private static final Set<String> PREDEFINED_NETWORKS = Set.of("bridge", "host", "none");
    private static final Pattern TEST_CLASS_RESULT = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+), Time elapsed: .* -- in (\\S+)");

    @Test
    void shippingServiceQuarkusTestsPassOnInfraInContainersOfTheStandInImagesAndLeaveNoContainerBehind() throws Exception {
        DockerEngine.requireEngineOrSkip();
        Map<String, String> images = StandInImages.build(ROOT);
        List<String> quarkusTests = quarkusTestClasses(ROOT.resolve(SERVICE + "/src/test/java"));
        assertThat(quarkusTests).as("%s's @QuarkusTest classes", SERVICE).isNotEmpty();

        // What a killed earlier run of this test left goes first.
        removeLeftContainers(docker("ps", "-aq", "--no-trunc", "--filter", OURS));

        Instant started = Instant.now();
        MavenRun run = runServiceTests(quarkusTests, images);
        Instant ended = Instant.now().plusSeconds(1);

        // Evidence from the engine itself: the containers local-infra created for the service's tests, from which image.
        List<String[]> created = events(started, ended, "type=container", "event=create", OURS,
                "{{.ID}} {{.Actor.Attributes.image}}");
        List<String> createdIds = created.stream().map(c -> c[0]).toList();
        Set<String> theirNetworks = new HashSet<>(events(started, ended, "type=network", "event=connect", null,
                "{{.Actor.Attributes.container}} {{.Actor.Attributes.name}}").stream()
                .filter(c -> createdIds.contains(c[0])).map(c -> c[1]).filter(n -> !PREDEFINED_NETWORKS.contains(n)).toList());
        List<String> leftContainers = removeLeftContainers(createdIds);
        List<String> leftNetworks = removeLeftNetworks(theirNetworks);

        assertThat(run.exitCode()).as("the Maven run of %s's tests in containers mode (log: %s)%n%s", SERVICE, run.log(),
                run.tail()).isZero();
        Map<String, ClassResult> results = run.results();
        for (String testClass : quarkusTests) {
            assertThat(results).as("%s ran (log: %s)", testClass, run.log()).containsKey(testClass);
            ClassResult result = results.get(testClass);
            assertThat(result.run()).as("tests run in %s", testClass).isPositive();
            assertThat(result.failures() + result.errors()).as("failures and errors in %s", testClass).isZero();
            assertThat(result.skipped()).as("skipped in %s", testClass).isZero();
        }
        assertThat(created.stream().map(c -> c[1]).toList()).as("images of the containers local-infra created for the tests")
                .contains(images.get("ORDERFLOW_KAFKA_IMAGE"), images.get("ORDERFLOW_POSTGRES_IMAGE"),
                        images.get("ORDERFLOW_REGISTRY_IMAGE"));
        assertThat(leftContainers).as("containers still present after the run (removed now)").isEmpty();
        assertThat(leftNetworks).as("networks still present after the run (removed now)").isEmpty();
        System.out.printf("containers mode: %d %s test classes passed on %s in %d s%n", quarkusTests.size(), SERVICE,
                created.stream().map(c -> c[1]).distinct().toList(), Duration.between(started, ended).toSeconds());
    }

    /** The service's test classes annotated @QuarkusTest, by their source, so a new one is covered without an edit here. */
    private static List<String> quarkusTestClasses(Path testSources) throws IOException {
        try (Stream<Path> files = Files.walk(testSources)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(line -> line.strip().equals("@QuarkusTest"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> testSources.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "")).sorted().toList();
        }
    }

    /**
     * The command a user types, in a child process: {@code ORDERFLOW_INFRA_MODE=containers ./mvnw -pl shipping-service
     * -am test}, offline (this build already fetched everything), only those classes, the images and no reaper.
     */
    private static MavenRun runServiceTests(List<String> testClasses, Map<String, String> images) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/containers-infra-mode"));
        Path log = dir.resolve("maven.log");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-o", "-ntp",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-pl", SERVICE, "-am", "test",
                "-Dtest=" + String.join(",", testClasses), "-Dsurefire.failIfNoSpecifiedTests=false",
                // The outer build's reports of the service stay its own: the counts are read from this run's output.
                "-DdisableXmlReport=true", "-Dsurefire.useFile=false"));
        String repository = System.getProperty("orderflow.maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // An existing cluster or server would bypass the containers: this run must start its own.
        env.remove("ORDERFLOW_KAFKA_BOOTSTRAP");
        env.remove("ORDERFLOW_POSTGRES_URL");
        env.putAll(images);
        env.put("ORDERFLOW_INFRA_MODE", "containers");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TESTCONTAINERS_RYUK_DISABLED", "true");
        // The mapped ports are published by Docker on the host: reach them on loopback, never the bridge's gateway.
        env.put("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            // Maven and its test JVM (whose shutdown hook removes its containers; what a killed one leaves, the caller
            // removes), listed before they stop: an orphan is no longer a descendant.
            List<ProcessHandle> tree = process.descendants().toList();
            tree.forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        return new MavenRun(process.exitValue(), log);
    }

    /** The engine's events in the window, each line split in two (the format names two fields). */
    private static List<String[]> events(Instant since, Instant until, String type, String event, String label,
            String format) {
        List<String> args = new ArrayList<>(List.of("events", "--since", String.valueOf(since.getEpochSecond()), "--until",
                String.valueOf(until.getEpochSecond()), "--filter", type, "--filter", event, "--format", format));
        if (label != null) {
            args.addAll(List.of("--filter", label));
        }
        return docker(args.toArray(String[]::new)).stream().map(line -> line.split(" ", 2)).toList();
    }

    /** Created containers that still exist: removed (with their anonymous volumes), and returned for the assertion. */
    private static List<String> removeLeftContainers(List<String> created) {
        Set<String> present = new HashSet<>(docker("ps", "-aq", "--no-trunc", "--filter", OURS));
        List<String> left = created.stream().filter(present::contains).toList();
        left.forEach(id -> docker("rm", "-f", "-v", id));
        return left;
    }

    /** Networks (other than Docker's own) the created containers joined that still exist: removed, and returned. */
    private static List<String> removeLeftNetworks(Set<String> joined) {
        List<String> left = docker("network", "ls", "--format", "{{.Name}}").stream().filter(joined::contains).toList();
        left.forEach(name -> docker("network", "rm", name));
        return left;
    }

    private static List<String> docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return DockerEngine.exec(command, Map.of(), 60).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private record ClassResult(int run, int failures, int errors, int skipped) {}

    private record MavenRun(int exitCode, Path log) {
        /** Per test class, the counts surefire printed for it. */
        Map<String, ClassResult> results() throws IOException {
            Map<String, ClassResult> results = new LinkedHashMap<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = TEST_CLASS_RESULT.matcher(line);
                if (m.find()) {
                    results.put(m.group(5), new ClassResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
                }
            }
            return results;
        }

        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }
}
