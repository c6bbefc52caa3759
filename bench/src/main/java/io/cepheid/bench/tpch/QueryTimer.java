package io.cepheid.bench.tpch;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * Times one query on both engines: warm-up runs, then measured runs, alternating Cepheid and DuckDB
 * (A B A B ...) so that a slow phase of the machine hits both alike; reports each engine's median.
 */
public final class QueryTimer {
    private final QueryExecution execution;
    private final int warmups;
    private final int runs;

    public QueryTimer(QueryExecution execution, int warmups, int runs) {
        this.execution = execution;
        this.warmups = warmups;
        this.runs = runs;
    }

    /** Returns the query's outcome: Passed with both medians, or Failed if a run throws. */
    public QueryOutcome time(TpchQuery query, EngineSession cepheid, EngineSession duckDb) {
        long[] cepheidNanos = new long[runs];
        long[] duckDbNanos = new long[runs];
        EngineSession running = cepheid;
        try {
            for (int i = 0; i < warmups + runs; i++) {
                running = cepheid;
                long cepheidElapsed = execution.elapsedNanos(cepheid.connection(), query.sql());
                running = duckDb;
                long duckDbElapsed = execution.elapsedNanos(duckDb.connection(), query.sql());
                if (i >= warmups) {
                    cepheidNanos[i - warmups] = cepheidElapsed;
                    duckDbNanos[i - warmups] = duckDbElapsed;
                }
            }
        } catch (SQLException | RuntimeException e) {
            return new QueryOutcome.Failed(query.name(), "in a timed run, " + AnswerCheck.errorOn(running, query, e));
        }
        return new QueryOutcome.Passed(query.name(), medianMillis(cepheidNanos), medianMillis(duckDbNanos));
    }

    /** The median in milliseconds; for an even count, the mean of the two middle values. */
    static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        // a result served in under a nanosecond is impossible; keep the ratio finite all the same
        return Math.max(median, 1) / 1_000_000.0;
    }
}
