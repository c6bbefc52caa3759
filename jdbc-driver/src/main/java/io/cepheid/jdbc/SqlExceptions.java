package io.cepheid.jdbc;

import io.cepheid.storage.error.CepheidException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/** Turns engine failures into {@link SQLException}s of the standard subclass for their SQLSTATE class. */
public final class SqlExceptions {
    /** SQLSTATE for failures that are Cepheid's own fault (PostgreSQL's internal_error). */
    static final String INTERNAL_ERROR = "XX000";

    private SqlExceptions() {
    }

    /** The SQLException for an engine error: the engine's message and SQLSTATE, the original as cause. */
    public static SQLException from(RuntimeException failure) {
        if (failure instanceof CepheidException cepheid) {
            return create(cepheid.getMessage(), cepheid.sqlState(), cepheid);
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return create(message, INTERNAL_ERROR, failure);
    }

    /** The standard subclass for {@code sqlState}'s class (its first two characters), else a plain SQLException. */
    public static SQLException create(String message, String sqlState, Throwable cause) {
        if ("57014".equals(sqlState)) {
            return new SQLTimeoutException(message, sqlState, cause);
        }
        String sqlClass = sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
        return switch (sqlClass) {
            case "42" -> new SQLSyntaxErrorException(message, sqlState, cause);
            case "22" -> new SQLDataException(message, sqlState, cause);
            case "23" -> new SQLIntegrityConstraintViolationException(message, sqlState, cause);
            case "08" -> new SQLNonTransientConnectionException(message, sqlState, cause);
            case "40" -> new SQLTransactionRollbackException(message, sqlState, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, cause);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
            default -> new SQLException(message, sqlState, cause);
        };
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by Cepheid", "0A000");
    }

    static SQLException closed(String what) {
        return new SQLNonTransientConnectionException(what + " is closed", "08003");
    }
}
