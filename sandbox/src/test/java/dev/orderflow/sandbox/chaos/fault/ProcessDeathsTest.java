package dev.orderflow.sandbox.chaos.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the chaos run counts as a process death no fault planned, and what it leaves to earlier runs. */
class ProcessDeathsTest {

    @Test
    void crashLogOutOfMemoryAndUnplannedExitOfThisRunAreEvidenceButThoseOfEarlierRunsAreNot(@TempDir Path state) throws IOException {
        Path logs = Files.createDirectories(state.resolve("logs"));
        Path work = Files.createDirectories(state.resolve("work/payment-service"));
        Path oldCrash = Files.writeString(work.resolve("hs_err_pid1.log"), "#  SIGSEGV (0xb) at pc=0x1, pid=1\n");
        Files.setLastModifiedTime(oldCrash, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Path serviceLog = Files.writeString(logs.resolve("order-service.log"),
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space (an earlier run)\n");

        ProcessDeaths deaths = ProcessDeaths.watchingFromNow(state, logs);
        assertThat(deaths.evidence()).isEmpty();

        Files.writeString(work.resolve("hs_err_pid4242.log"), """
                #
                # A fatal error has been detected by the Java Runtime Environment:
                #
                #  SIGSEGV (0xb) at pc=0x00007f, pid=4242, tid=4300
                # Problematic frame:
                # V  [libjvm.so+0x5c1f2e]  LambdaProxyClassDictionary::find_lambda_proxy_class
                """);
        Files.writeString(serviceLog, "java.lang.OutOfMemoryError: Java heap space\n", StandardOpenOption.APPEND);
        deaths.exitedUnplanned("inventory-service", 134, "exit 86 at after-consumer-commit-before-offset-commit");

        assertThat(deaths.evidence()).containsExactlyInAnyOrder(
                "inventory-service exited with status 134 (the fault planned exit 86 at after-consumer-commit-before-offset-commit)",
                "JVM crash log " + work.resolve("hs_err_pid4242.log") + ": #  SIGSEGV (0xb) at pc=0x00007f, pid=4242, tid=4300"
                        + " | # Problematic frame: | # V  [libjvm.so+0x5c1f2e]  LambdaProxyClassDictionary::find_lambda_proxy_class",
                "OutOfMemoryError in " + serviceLog + ": java.lang.OutOfMemoryError: Java heap space");
    }
}
