package dev.orderflow.messaging.testing;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.jdbc.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A fresh database on the shared real PostgreSQL, migrated with the library's SQL plus the test tables. */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    public static TestDatabase create() {
        RunningInfra infra = TestInfra.shared();
        String name = "messaging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        infra.createDatabase(name);
        TestDatabase database = new TestDatabase(name, infra.jdbcUrl(name), infra.username(), infra.password());
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/messaging", "classpath:db/test")
                .load()
                .migrate();
        return database;
    }

    public ConnectionFactory connections() {
        return ConnectionFactory.driverManager(jdbcUrl, username, password);
    }

    public long queryLong(String sql) {
        try (Connection connection = connections().open();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = connections().open();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
