package dev.orderflow.order.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * What a graceful stop does to a transaction still running: the persistence unit closes under it.
 * Hibernate then skips its flush at commit without a word, and the JDBC connection commits what was
 * already written. The tests close the unit inside a transaction, as the stop does, and read the
 * tables with plain JDBC.
 */
final class StoppingServiceTransactions {
    private StoppingServiceTransactions() {}

    static final PlaceOrder ORDER = new PlaceOrder("c-stop", List.of(new PlaceOrder.Line("KB-001", 1)),
            new PlaceOrder.Address("Ada Lovelace", "1 Analytical Way", "London", "N1 7AA", "GB"));

    /** Closes the persistence unit, as shutdown does: no test may use this application afterwards. */
    static void closePersistenceUnit() {
        Arc.container().instance(SessionFactory.class).get().close();
    }

    static long count(AgroalDataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Its own application per test class: the one it ran in has no persistence unit left. */
    public static class OwnApplication implements QuarkusTestProfile {}

    public static class AnotherOwnApplication extends OwnApplication {}
}
