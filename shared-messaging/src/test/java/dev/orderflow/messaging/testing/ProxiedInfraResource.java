package dev.orderflow.messaging.testing;

import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * The real infrastructure, with a TCP proxy (netcrusher) between the service and PostgreSQL so a
 * test can cut the database connection and restore it.
 */
public class ProxiedInfraResource implements QuarkusTestResourceLifecycleManager {
    private static volatile TcpCrusher database;
    private final OrderflowInfraResource infra = new OrderflowInfraResource();
    private NioReactor reactor;

    /** The proxy in front of PostgreSQL: {@code close()} cuts every connection, {@code open()} restores. */
    public static TcpCrusher databaseProxy() {
        return database;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infra.start());
        for (String topic : new String[] {LedgerApp.TOPIC, LedgerApp.TOPIC + ".dlq", ContractsApp.TOPIC, ContractsApp.TOPIC + ".dlq"}) {
            try {
                dev.orderflow.infra.TestInfra.shared().createTopic(topic, 3);
            } catch (RuntimeException alreadyThere) {
                // created by an earlier start in this JVM
            }
        }
        String jdbcUrl = config.get("quarkus.datasource.jdbc.url");
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        int proxyPort = freePort();
        try {
            reactor = new NioReactor();
            database = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress("127.0.0.1", proxyPort)
                    .withConnectAddress(uri.getHost(), uri.getPort())
                    .buildAndOpen();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the database proxy", e);
        }
        config.put("quarkus.datasource.jdbc.url", jdbcUrl.replace(":" + uri.getPort() + "/", ":" + proxyPort + "/"));
        config.put("test.direct.jdbc.url", jdbcUrl);
        return config;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (reactor != null) {
            reactor.close();
        }
        infra.stop();
    }
}
