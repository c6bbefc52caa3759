package io.cepheid.planner.catalog;

import java.util.List;

/**
 * The engine's record of recent statements, as the query-history system tables (stl_query,
 * sys_query_history, svl_query_summary) read it. The planner asks once per statement, so every system
 * table of one query sees the same list.
 */
@FunctionalInterface
public interface QueryLog {
    QueryLog EMPTY = List::of;

    /** Finished statements, oldest first. */
    List<LoggedQuery> queries();

    /** How a statement ended. */
    enum Status {
        SUCCESS, FAILED, CANCELED
    }

    /**
     * One finished statement. Times are microseconds since the epoch (UTC). {@code errorCode} and
     * {@code errorMessage} are null on success. {@code steps} is empty for statements that ran no plan.
     */
    record LoggedQuery(long queryId, long userId, int sessionId, long transactionId, String queryType, String text,
                       long startMicros, long endMicros, Status status, long rows, String errorCode,
                       String errorMessage, List<LoggedStep> steps) {
        public LoggedQuery {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One plan step of a finished query: its segment (0 on the leader, 1.. for each slice fragment in plan
     * order), its number within the segment, Redshift-style label, times over its instances (one per slice
     * in a fragment) in microseconds, what it returned, and the bytes it spilled to disk.
     */
    record LoggedStep(int segment, int step, String label, long maxMicros, long avgMicros, long rows, long bytes,
                      long rowsPreFilter, long blocksRead, long blocksSkipped, long spilledBytes) {
    }
}
