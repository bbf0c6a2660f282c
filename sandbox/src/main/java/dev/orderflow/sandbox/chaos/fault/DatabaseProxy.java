package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.infra.InfraException;
import dev.orderflow.infra.Ports;
import java.io.IOException;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy (netcrusher) between the services and PostgreSQL. {@link #cut} closes every
 * connection and the listening socket, so open connections break mid-statement and new ones are
 * refused, as when the database host goes away; {@link #restore} listens again on the same port.
 */
final class DatabaseProxy implements AutoCloseable {
    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private final int port;

    private DatabaseProxy(NioReactor reactor, TcpCrusher crusher, int port) {
        this.reactor = reactor;
        this.crusher = crusher;
        this.port = port;
    }

    static DatabaseProxy start(String host, int databasePort) {
        NioReactor reactor;
        try {
            reactor = new NioReactor();
        } catch (IOException e) {
            throw new InfraException("Cannot start the database proxy: " + e.getMessage(), e);
        }
        int port = Ports.free();
        TcpCrusher crusher = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress(Ports.LOOPBACK, port)
                .withConnectAddress(host, databasePort)
                .withTcpNoDelay(true)
                .buildAndOpen();
        return new DatabaseProxy(reactor, crusher, port);
    }

    int port() {
        return port;
    }

    /** The JDBC URL of a database through the proxy. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    boolean isCut() {
        return !crusher.isOpen();
    }

    /** Connections open through the proxy now. */
    int connections() {
        return crusher.isOpen() ? crusher.getClientAddresses().size() : 0;
    }

    /** Closes every connection and stops accepting new ones. Idempotent. */
    synchronized void cut() {
        if (crusher.isOpen()) {
            crusher.close();
        }
    }

    /** Accepts connections again. Idempotent. */
    synchronized void restore() {
        if (!crusher.isOpen()) {
            crusher.open();
        }
    }

    @Override
    public synchronized void close() {
        crusher.close();
        reactor.close();
    }
}
