package io.cepheid.server;

import io.cepheid.executor.operator.QueryCancellation;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the {@code statement_timeout} setting: one daemon timer thread for the JVM cancels a statement
 * whose time is up, with {@link QueryCancellation.Reason#STATEMENT_TIMEOUT}.
 */
final class StatementTimeouts {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "cepheid-statement-timeout");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // Statements mostly finish first: drop their timers at once rather than when they would have fired.
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private StatementTimeouts() {
    }

    /** Cancels {@code statement} after {@code millis} (0 = never; the result is then null) unless stopped first. */
    static ScheduledFuture<?> start(long millis, QueryCancellation statement) {
        if (millis <= 0) {
            return null;
        }
        return TIMER.schedule(() -> statement.cancel(QueryCancellation.Reason.STATEMENT_TIMEOUT), millis, TimeUnit.MILLISECONDS);
    }
}
