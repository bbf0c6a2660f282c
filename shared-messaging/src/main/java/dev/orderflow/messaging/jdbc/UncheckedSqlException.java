package dev.orderflow.messaging.jdbc;

import java.sql.SQLException;

/** Carries a {@link SQLException} (and its SQLSTATE, which the failure classifier reads) through lambdas. */
public class UncheckedSqlException extends RuntimeException {
    public UncheckedSqlException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
