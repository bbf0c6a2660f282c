package dev.orderflow.infra.postgres;

import dev.orderflow.infra.InfraException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A running PostgreSQL server: embedded binaries, an existing server, or a container. */
public interface Postgres extends AutoCloseable {
    Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    String host();

    int port();

    String username();

    String password();

    /** The database used for administration (creating the services' databases). */
    String adminDatabase();

    /** Pid of the postmaster, or -1 when orderflow did not start it. */
    long pid();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists: one database per service. */
    default void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase()), username(), password());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently
            }
            throw new InfraException("Could not create database " + name + " on " + host() + ":" + port() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    void close();
}
