package dev.orderflow.infra;

import java.nio.file.Path;

/**
 * One Kafka + PostgreSQL + registry per test JVM, shared by every test class of a module so the
 * suite stays fast; stopped by shutdown hooks when the JVM exits. Data lives under target/.
 */
public final class TestInfra {
    private static RunningInfra shared;

    private TestInfra() {}

    public static synchronized RunningInfra shared() {
        if (shared == null) {
            Path stateDir = Path.of(System.getProperty("orderflow.test.state-dir", "target/orderflow-infra"));
            LocalInfra.stopRecorded(stateDir);
            RunningInfra infra = LocalInfra.start(InfraSpec.forTests(stateDir, InfraSpec.defaultBinariesDir()));
            Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "stop-test-infra"));
            shared = infra;
        }
        return shared;
    }
}
