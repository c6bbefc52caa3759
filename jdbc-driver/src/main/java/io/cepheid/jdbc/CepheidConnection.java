package io.cepheid.jdbc;

import io.cepheid.server.EngineHandle;
import io.cepheid.server.Session;
import io.cepheid.server.StatementResult;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: one {@link Session} on an embedded engine. In autocommit mode (the default) every
 * statement commits on its own. With autocommit off, the connection opens a transaction block (BEGIN) before
 * the first statement that finds none, and {@link #commit()} / {@link #rollback()} end it, as PostgreSQL's
 * driver does; the block itself is the session's ({@code BEGIN ... COMMIT} in SQL behaves the same).
 * Closing the connection closes its statements, rolls back an open block, closes the session and its handle
 * on the engine.
 */
public final class CepheidConnection implements Connection {
    private static final String DEFAULT_SCHEMA = "public";

    private final String url;
    private final String user;
    private final EngineHandle engine;
    private final Session session;
    private final List<CepheidStatement> statements = new ArrayList<>();
    private final Properties clientInfo = new Properties();
    /** A session runs one statement at a time; statements of one connection used from several threads take turns. */
    private final Object sessionLock = new Object();
    private String schema = DEFAULT_SCHEMA;
    private boolean readOnly;
    /** Guarded by sessionLock: whether a block is opened for the next statement that finds none. */
    private boolean autoCommit = true;
    /** The level last set; every level runs as snapshot isolation, so this only reports the choice back. */
    private int transactionIsolation = TRANSACTION_SERIALIZABLE;
    private volatile boolean closed;

    CepheidConnection(String url, String user, EngineHandle engine, Session session) {
        this.url = url;
        this.user = user;
        this.engine = engine;
        this.session = session;
    }

    /** Runs one statement on the session; engine errors become SQLExceptions. */
    StatementResult execute(String sql, List<Object> parameters) throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            try {
                if (!autoCommit && session.transactionState() == Session.TransactionState.IDLE) {
                    discard(session.execute("BEGIN", List.of()));
                }
                return session.execute(sql, parameters);
            } catch (RuntimeException e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    Session.PreparedInfo prepare(String sql) throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            try {
                return session.prepare(sql);
            } catch (RuntimeException e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    void cancel() throws SQLException {
        checkOpen();
        try {
            session.cancel();
        } catch (RuntimeException e) {
            throw SqlExceptions.from(e);
        }
    }

    /** For the query timer: a cancel that fails (the statement ended, the connection closed) is moot. */
    void cancelQuietly() {
        try {
            session.cancel();
        } catch (RuntimeException ignored) {
            // nothing left to cancel
        }
    }

    void forget(CepheidStatement statement) {
        synchronized (statements) {
            statements.remove(statement);
        }
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    private <T extends CepheidStatement> T register(T statement) {
        synchronized (statements) {
            statements.add(statement);
        }
        return statement;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("connection");
        }
    }

    private static void checkResultSetOptions(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw SqlExceptions.unsupported("scrollable result sets");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.unsupported("updatable result sets");
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return register(new CepheidStatement(this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return register(new CepheidPreparedStatement(this, sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw SqlExceptions.unsupported("generated keys");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw SqlExceptions.unsupported("generated keys");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        throw SqlExceptions.unsupported("generated keys");
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlExceptions.unsupported("stored procedures");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        throw SqlExceptions.unsupported("stored procedures");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        throw SqlExceptions.unsupported("stored procedures");
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    /**
     * Turning autocommit back on commits an open block, as JDBC requires (and reports a failed one as
     * {@link #commit()} does); turning it off opens nothing until the next statement.
     */
    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            if (autoCommit && !this.autoCommit) {
                this.autoCommit = true;
                endBlock(true);
            }
            this.autoCommit = autoCommit;
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            return autoCommit;
        }
    }

    /**
     * Commits the open block, if any. A conflicting commit by another transaction fails it with 40001
     * ({@link java.sql.SQLTransactionRollbackException}); a block that a failed statement aborted is rolled
     * back and reported with 25P02. The block ends either way.
     */
    @Override
    public void commit() throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            requireManualCommit("commit");
            endBlock(true);
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        synchronized (sessionLock) {
            requireManualCommit("roll back");
            endBlock(false);
        }
    }

    private void requireManualCommit(String action) throws SQLException {
        if (autoCommit) {
            throw new SQLException("cannot " + action + " in autocommit mode: every statement has already committed",
                    "25P01");
        }
    }

    /**
     * Ends the session's block with COMMIT or ROLLBACK, first closing open result sets (their holdability is
     * CLOSE_CURSORS_AT_COMMIT: their rows come from the ending block's snapshot). Must hold sessionLock.
     */
    private void endBlock(boolean commit) throws SQLException {
        closeResultSets();
        Session.TransactionState state;
        try {
            state = session.transactionState();
            if (state == Session.TransactionState.IDLE) {
                return;
            }
            discard(session.execute(commit && state == Session.TransactionState.IN_BLOCK ? "COMMIT" : "ROLLBACK",
                    List.of()));
        } catch (RuntimeException e) {
            throw SqlExceptions.from(e);
        }
        if (commit && state == Session.TransactionState.FAILED) {
            throw SqlExceptions.create("the transaction was rolled back instead of committed: a statement in it"
                    + " failed earlier", "25P02", null);
        }
    }

    private void closeResultSets() throws SQLException {
        List<CepheidStatement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
        }
        for (CepheidStatement statement : open) {
            statement.closeResultSet();
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        List<CepheidStatement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
            statements.clear();
        }
        SQLException failure = null;
        for (CepheidStatement statement : open) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            session.close();
        } catch (RuntimeException e) {
            failure = failure == null ? SqlExceptions.from(e) : failure;
        } finally {
            try {
                engine.close();
            } catch (RuntimeException e) {
                failure = failure == null ? SqlExceptions.from(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new CepheidDatabaseMetaData(this);
    }

    /** Read-only is a hint here: it is remembered and reported, statements are not checked against it. */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Catalogs are not used (Redshift has one database per connection), so this is ignored as JDBC allows. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    /**
     * Accepts the levels snapshot isolation provides: REPEATABLE READ (every statement of a block reads one
     * pinned version) and SERIALIZABLE (what Redshift calls it; a write conflicting with a concurrent commit
     * fails with 40001). READ COMMITTED and READ UNCOMMITTED would promise a statement-by-statement view that
     * blocks do not give, so they are refused rather than silently upgraded.
     */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_SERIALIZABLE && level != TRANSACTION_REPEATABLE_READ) {
            throw SqlExceptions.unsupported("isolation levels other than SERIALIZABLE and REPEATABLE READ");
        }
        transactionIsolation = level;
    }

    /** The level last set (default SERIALIZABLE, as Redshift reports); both run as snapshot isolation. */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return transactionIsolation;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw SqlExceptions.unsupported("type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlExceptions.unsupported("holdable cursors");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Clob createClob() throws SQLException {
        throw SqlExceptions.unsupported("CLOB");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw SqlExceptions.unsupported("BLOB");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw SqlExceptions.unsupported("NCLOB");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlExceptions.unsupported("SQLXML");
    }

    /** An embedded session stays valid for as long as the connection is open. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("timeout must not be negative", "22023");
        }
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlExceptions.unsupported("arrays");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlExceptions.unsupported("structs");
    }

    /** Sets the session's {@code search_path} to {@code schema}; the engine checks that it exists. */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null || schema.isEmpty()) {
            throw new SQLException("schema name must not be empty", "22023");
        }
        discard(execute("SET search_path TO " + quoteIdentifier(schema), List.of()));
        this.schema = schema;
    }

    /** Frees a result nobody reads (a SET that unexpectedly returned rows, for one). */
    static void discard(StatementResult result) {
        switch (result) {
            case StatementResult.Rows rows -> rows.close();
            case StatementResult.UpdateCount count -> { }
            case StatementResult.Done done -> { }
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return schema;
    }

    /** {@code name} as a double-quoted SQL identifier, inner quotes doubled. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("executor is null", "22023");
        }
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException ignored) {
                // abort must not report: the connection is gone either way
            }
        });
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen(); // embedded: there is no network
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
