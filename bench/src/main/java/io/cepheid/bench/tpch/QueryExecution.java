package io.cepheid.bench.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one query on one connection under a timeout, either keeping its rows or only timing it. The query
 * runs on a separate thread: a driver's own timeout only works where the engine checks for cancellation,
 * and a query that ignores it must not hold up the whole run. After a timeout the connection may still be
 * busy with the abandoned query, so the caller must stop using it ({@link QueryTimeout} says so).
 */
public final class QueryExecution implements AutoCloseable {
    /** How long a cancelled query gets to stop before it is reported as still running. */
    private static final long STOP_GRACE_SECONDS = 10;

    private final int timeoutSeconds;
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tpch-query");
        thread.setDaemon(true);
        return thread;
    });

    public QueryExecution(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A query ran past the timeout; {@code stillRunning} when it ignored the cancel and keeps a core busy. */
    public static final class QueryTimeout extends SQLTimeoutException {
        private static final long serialVersionUID = 1L;

        private final boolean stillRunning;

        QueryTimeout(int seconds, boolean stillRunning) {
            super("timed out after " + seconds + " s" + (stillRunning ? " and did not stop when cancelled" : ""), "57014");
            this.stillRunning = stillRunning;
        }

        public boolean stillRunning() {
            return stillRunning;
        }
    }

    /** What to do with a result set while the clock runs. */
    private interface ResultHandler<T> {
        T handle(ResultSet results) throws SQLException;
    }

    /** Runs {@code sql} and returns its rows as text. */
    public ResultTable fetch(Connection connection, String sql) throws SQLException {
        return run(connection, sql, ResultTable::read);
    }

    /**
     * Runs {@code sql}, steps through every row without converting values (so value formatting is not
     * timed, for either engine) and returns the elapsed nanoseconds from execute to the last row.
     */
    public long elapsedNanos(Connection connection, String sql) throws SQLException {
        long start = System.nanoTime();
        run(connection, sql, results -> {
            while (results.next()) {
                // drain: an engine may produce rows lazily
            }
            return null;
        });
        return System.nanoTime() - start;
    }

    private <T> T run(Connection connection, String sql, ResultHandler<T> handler) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            statement.setQueryTimeout(timeoutSeconds);
        } catch (SQLFeatureNotSupportedException e) {
            // the watchdog below still ends the wait
        }
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<T> future = runner.submit(() -> {
            worker.set(Thread.currentThread());
            try (statement; ResultSet results = statement.executeQuery(sql)) {
                return handler.handle(results);
            }
        });
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new QueryTimeout(timeoutSeconds, !stop(statement, worker.get(), future));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new SQLException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    /**
     * Cancels a query that ran too long, through the driver and by interrupting its thread, then waits
     * for the task itself (not {@code future.cancel}, which would report done at once); returns whether
     * it stopped within the grace period.
     */
    private static boolean stop(Statement statement, Thread worker, Future<?> future) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the interrupt below is the last resort
        }
        if (worker != null) {
            worker.interrupt();
        }
        try {
            future.get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
