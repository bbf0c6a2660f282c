package dev.orderflow.messaging.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a dedicated (unpooled) connection: the relay's leader lock lives exactly as long as it. */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open() throws SQLException;

    static ConnectionFactory driverManager(String jdbcUrl, String username, String password) {
        return () -> DriverManager.getConnection(jdbcUrl, username, password);
    }
}
