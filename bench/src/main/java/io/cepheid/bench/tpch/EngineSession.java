package io.cepheid.bench.tpch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection the harness uses for one loaded engine, replaced by a fresh connection to the same data
 * after a query timed out: the timed-out query may still hold the old one.
 */
public final class EngineSession implements AutoCloseable {
    private final BenchmarkEngine engine;
    private final int threads;
    private Connection connection;

    private EngineSession(BenchmarkEngine engine, int threads, Connection connection) {
        this.engine = engine;
        this.threads = threads;
        this.connection = connection;
    }

    /** Connects to {@code engine} and loads {@code files}, printing how long the load took. */
    public static EngineSession load(BenchmarkEngine engine, TpchDataFiles files, int threads) throws SQLException {
        long start = System.nanoTime();
        Connection connection = engine.connect(threads);
        try {
            engine.load(connection, files);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        System.out.printf("loaded %s in %.1f s%n", engine.name(), (System.nanoTime() - start) / 1e9);
        return new EngineSession(engine, threads, connection);
    }

    public String name() {
        return engine.name();
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Called after {@code timeout}: moves to a new connection to the same data, leaving the old one to the
     * abandoned query; warns when that query ignored the cancel, since it keeps a core busy from now on.
     */
    public void abandonAfter(QueryExecution.QueryTimeout timeout, String query) throws SQLException {
        if (timeout.stillRunning()) {
            System.out.println("warning: " + engine.name() + " " + query + " still runs after cancel;"
                    + " timings from here on share the machine with it");
        }
        connection = engine.anotherConnection(connection, threads);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
