package io.cepheid.server;

import java.util.List;

/**
 * One client connection's state on the leader (current schema, settings) and the way it runs SQL.
 * Not thread-safe: one statement at a time, like a PostgreSQL connection. Errors are
 * {@link io.cepheid.storage.error.CepheidException}s carrying a SQLSTATE.
 */
public interface Session extends AutoCloseable {
    /**
     * Runs one SQL statement (a trailing semicolon is allowed). {@code parameters} bind the statement's
     * {@code ?} markers in order; values may be null, Boolean, Integer, Long, Short, Float, Double, BigDecimal,
     * String, java.time.LocalDate, java.time.LocalDateTime, java.sql.Date or java.sql.Timestamp.
     */
    StatementResult execute(String sql, List<Object> parameters);

    /** The number of {@code ?} markers in {@code sql} and the result columns it would produce (empty for non-queries). */
    PreparedInfo prepare(String sql);

    /**
     * Where the session stands with transactions after its last statement, as PostgreSQL's ReadyForQuery
     * reports it: clients that manage blocks themselves (JDBC with autocommit off) read it to know whether
     * to open one.
     */
    TransactionState transactionState();

    /** Asks the running statement, if any, to stop with SQLSTATE 57014. Callable from another thread. */
    void cancel();

    @Override
    void close();

    record PreparedInfo(int parameterCount, List<ResultColumn> columns) {
    }

    /** PostgreSQL's transaction status indicator: 'I', 'T' and 'E'. */
    enum TransactionState {
        /** No block: each statement commits on its own. */
        IDLE,
        /** Inside BEGIN ... COMMIT. */
        IN_BLOCK,
        /** Inside a block that a failed statement aborted: only ROLLBACK (or COMMIT, which rolls back) ends it. */
        FAILED
    }
}
