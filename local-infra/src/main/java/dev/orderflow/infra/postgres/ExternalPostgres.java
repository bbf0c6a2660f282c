package dev.orderflow.infra.postgres;

import dev.orderflow.infra.InfraException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** An existing PostgreSQL server given by a JDBC URL; orderflow only creates databases on it. */
public final class ExternalPostgres implements Postgres {
    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String username;
    private final String password;

    public ExternalPostgres(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new InfraException("Not a PostgreSQL JDBC URL: " + jdbcUrl
                    + " (expected jdbc:postgresql://host:port/database)");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost();
        this.port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        this.adminDatabase = path.isEmpty() ? "postgres" : path;
        this.username = username;
        this.password = password;
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(adminDatabase), username, password)) {
            // Reachable with these credentials.
        } catch (SQLException e) {
            throw new InfraException("Cannot connect to the configured PostgreSQL at " + jdbcUrl + " as " + username + ": "
                    + e.getMessage() + ". Check ORDERFLOW_POSTGRES_URL/_USER/_PASSWORD, or unset them to use embedded PostgreSQL.", e);
        }
    }

    @Override public String host() { return host; }
    @Override public int port() { return port; }
    @Override public String username() { return username; }
    @Override public String password() { return password; }
    @Override public String adminDatabase() { return adminDatabase; }
    @Override public long pid() { return -1; }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
