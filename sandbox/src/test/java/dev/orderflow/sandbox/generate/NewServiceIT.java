package dev.orderflow.sandbox.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./orderflow new-service}: a service generated into a copy of this repository (its tracked
 * files) builds, and its own tests pass on real Kafka and PostgreSQL. Lean on purpose: only the new
 * module and what it depends on are built, offline, with the upstream modules' tests left out, and
 * the Kafka/Apicurio binaries this build already unpacked are reused.
 */
class NewServiceIT {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    @Test
    void generatedServiceBuildsAndItsTestsPassOnRealInfrastructure(@TempDir Path copy) throws Exception {
        copyTrackedFiles(ROOT, copy);

        List<String> written = new ServiceGenerator(copy, "loyalty", 18085).generate();

        assertThat(written).contains("loyalty-service/pom.xml", "pom.xml",
                "shared-events/src/main/avro/loyalty/v1/LoyaltyRecorded.avsc");
        Path log = copy.resolve("build.log");
        int exit = mavenVerify(copy, log);
        assertThat(exit).as("build of the generated service, log: %s", tail(log)).isZero();
        Path reports = copy.resolve("loyalty-service/target/surefire-reports");
        for (String test : List.of("messaging.LoyaltySagaTest", "domain.LoyaltyStatusTest", "ArchitectureTest")) {
            Path report = reports.resolve("TEST-dev.orderflow.loyalty." + test + ".xml");
            assertThat(report).as("%s ran", test).exists();
            assertThat(Files.readString(report)).as(test).contains("failures=\"0\"").contains("errors=\"0\"").doesNotContain("tests=\"0\"");
        }
    }

    @Test
    void refusesANameThatIsNotOneLowerCaseWordOrIsTaken(@TempDir Path copy) {
        assertThatThrownBy(() -> new ServiceGenerator(copy, "Loyalty-Points", 8085)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceGenerator(copy, "payment", 8085)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int mavenVerify(Path copy, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(copy.resolve("mvnw").toString(), "-B", "-q", "-o",
                "-pl", "loyalty-service", "-am", "verify",
                "-Dtest=LoyaltySagaTest,LoyaltyStatusTest,ArchitectureTest", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-DskipITs", "-Dmdep.skip=true",
                "-Dorderflow.binaries.dir=" + System.getProperty("orderflow.binaries.dir", ROOT.resolve("local-infra-binaries/target").toString())));
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ORDERFLOW_INFRA_MODE", "local");
        Process maven = builder.start();
        try {
            if (!maven.waitFor(15, TimeUnit.MINUTES)) {
                return -1;
            }
            return maven.exitValue();
        } finally {
            maven.destroyForcibly();
        }
    }

    /** The repository as git tracks it (no target/, no state directory), as a copier would clone it. */
    private static void copyTrackedFiles(Path from, Path to) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(from.toFile()).start();
        String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files").isZero();
        for (String file : files.split("\0")) {
            Path source = from.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
