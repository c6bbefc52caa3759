package io.cepheid.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces {@link java.sql.Statement#setQueryTimeout}: one daemon thread for the whole JVM cancels
 * statements still running when their time is up (they then fail with SQLSTATE 57014).
 */
final class QueryTimeouts {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cepheid-query-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private QueryTimeouts() {
    }

    /** Runs {@code cancel} after {@code seconds} unless the returned future is cancelled first. */
    static ScheduledFuture<?> schedule(int seconds, Runnable cancel) {
        return TIMER.schedule(cancel, seconds, TimeUnit.SECONDS);
    }
}
