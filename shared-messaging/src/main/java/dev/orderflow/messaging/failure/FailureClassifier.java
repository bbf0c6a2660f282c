package dev.orderflow.messaging.failure;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a failure is worth retrying. Walks the cause chain, because JTA, Hibernate and
 * Agroal wrap the {@link SQLException} that says "the database is unreachable".
 */
public final class FailureClassifier {

    // SQLSTATE classes/codes that mean "try again": connection exceptions (08), serialization and
    // deadlock (40001, 40P01), lock timeout (55P03), resources (53), operator intervention (57P0x).
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

    public FailureKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailureException) {
                return FailureKind.PERMANENT;
            }
            if (t instanceof TransientFailureException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException
                    || t instanceof SocketException
                    || t instanceof IOException
                    || isTransientSqlState(t)
                    || isTransientByName(t)) {
                return FailureKind.TRANSIENT;
            }
        }
        return FailureKind.UNKNOWN;
    }

    private static boolean isTransientSqlState(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return TRANSIENT_SQL_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)));
    }

    // Exceptions of libraries this module does not compile against (Hibernate, Agroal, Narayana),
    // matched by name to keep the classifier free of those dependencies.
    private static boolean isTransientByName(Throwable t) {
        String name = t.getClass().getName();
        return name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("jakarta.persistence.QueryTimeoutException")
                || (t instanceof SQLException && String.valueOf(t.getMessage()).contains("acquisition timeout"));
    }
}
