package dev.orderflow.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stub as the separate process {@code ./orderflow up} will run. */
class PaymentProviderMainTest {

    @Test
    void runsAsAProcessAnnouncesReadinessAndStopsOnSigterm() throws Exception {
        ProviderConfig config = ProviderDatabase.freshConfig();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PaymentProviderMain.class.getName(),
                "--port", "0", "--jdbc-url", config.jdbcUrl(), "--user", config.user(), "--password", config.password(),
                "--seed", "5")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = output.readLine();
            while (ready != null && !ready.startsWith("payment-provider ready")) {
                ready = output.readLine(); // e.g. a library's warning on the test classpath
            }
            assertThat(ready).startsWith("payment-provider ready at http://127.0.0.1:");
            String url = ready.substring("payment-provider ready at ".length()).split(" ")[0];
            String order = UUID.randomUUID().toString();

            var answer = new ProviderClient(url).charge("k-" + order, ProviderClient.chargeBody(order, "c-1", "1.00"));
            assertThat(answer.status()).isEqualTo(201);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isIn(0, 143); // 143 = the JVM's exit after SIGTERM, hooks run
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void flagsAreParsedAndMissingOnesNamed() {
        ProviderConfig config = PaymentProviderMain.parse(new String[] {"--port", "8090", "--jdbc-url", "jdbc:postgresql://h/db",
                "--user", "u", "--password", "p", "--latency-ms", "20", "--error-rate", "0.1",
                "--charge-then-timeout-rate", "0.2", "--seed", "9", "--threads", "4"});

        assertThat(config.port()).isEqualTo(8090);
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.faults()).isEqualTo(new FaultSettings(20, 0.1, 0.2, 9));
        for (List<String> bad : List.of(List.of("--port", "1"), List.of("--port", "x", "--jdbc-url", "u", "--user", "u", "--password", "p"),
                List.of("--what", "1"), List.of("--port"))) {
            assertThatThrownBy(() -> PaymentProviderMain.parse(bad.toArray(String[]::new)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
