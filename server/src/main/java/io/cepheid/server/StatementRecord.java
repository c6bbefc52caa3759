package io.cepheid.server;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.operator.QueryMetrics;
import io.cepheid.planner.catalog.QueryLog;
import io.cepheid.planner.parse.SqlCopy;
import io.cepheid.planner.parse.SqlCreateTableAs;
import io.cepheid.planner.parse.SqlExplainAnalyze;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.vector.Batch;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One statement on its way into the {@link QueryHistory}: started when the session receives it, finished
 * when it fails, completes, or (for a query) when its cursor closes. Finishing twice keeps the first end.
 */
final class StatementRecord {
    /** Redshift keeps the first 4,000 characters of a statement's text. */
    static final int MAX_TEXT = 4000;
    /** Cepheid has one user; Redshift numbers the first user it creates 100. */
    static final long USER_ID = 100;

    private final QueryHistory history;
    private final int sessionId;
    private final long queryId;
    private final String text;
    private final long startMicros;
    private String queryType = "OTHER";
    private PlanSpec plan;
    private QueryMetrics metrics;
    private boolean finished;

    StatementRecord(QueryHistory history, int sessionId, String sql) {
        this.history = history;
        this.sessionId = sessionId;
        this.queryId = history.nextQueryId();
        this.text = sql.length() > MAX_TEXT ? sql.substring(0, MAX_TEXT) : sql;
        this.startMicros = nowMicros();
    }

    /** Redshift's sys_query_history.query_type for a parsed statement. */
    void queryType(SqlNode node) {
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            queryType = "SELECT";
            return;
        }
        queryType = switch (node) {
            case SqlCopy copy -> "COPY";
            case SqlCreateTableAs ctas -> "CTAS";
            case SqlExplainAnalyze analyze -> "SELECT";
            case SqlExplain explain -> "UTILITY";
            case SqlSetOption set -> "UTILITY";
            case SqlDdl ddl -> "DDL";
            default -> switch (node.getKind()) {
                case INSERT -> "INSERT";
                case UPDATE -> "UPDATE";
                case DELETE -> "DELETE";
                default -> "UTILITY";
            };
        };
    }

    long queryId() {
        return queryId;
    }

    /** The plan the statement runs and the counters its steps fill, for svl_query_summary. */
    void plan(PlanSpec plan, QueryMetrics metrics) {
        this.plan = plan;
        this.metrics = metrics;
    }

    /** Records the outcome of a statement that returns no rows, or wraps a query's cursor to record it on close. */
    StatementResult attach(StatementResult result) {
        return switch (result) {
            case StatementResult.Rows rows -> new StatementResult.Rows(rows.columns(), new Cursor(rows.cursor()),
                    rows.commandTag());
            case StatementResult.UpdateCount count -> {
                finish(QueryLog.Status.SUCCESS, count.count(), null);
                yield count;
            }
            case StatementResult.Done done -> {
                finish(QueryLog.Status.SUCCESS, 0, null);
                yield done;
            }
        };
    }

    void fail(CepheidException error, long rows) {
        boolean canceled = error.code() == ErrorCode.QUERY_CANCELED;
        finish(canceled ? QueryLog.Status.CANCELED : QueryLog.Status.FAILED, rows, error);
    }

    private void finish(QueryLog.Status status, long rows, CepheidException error) {
        if (finished) {
            return;
        }
        finished = true;
        List<QueryLog.LoggedStep> steps = plan == null ? List.of() : StepSummaries.of(plan, metrics);
        history.add(new QueryLog.LoggedQuery(queryId, USER_ID, sessionId, queryId, queryType, text, startMicros,
                nowMicros(), status, rows, error == null ? null : error.sqlState(),
                error == null ? null : error.getMessage(), steps));
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** A query's cursor that counts the rows handed out and records the query when it ends. */
    private final class Cursor implements ResultCursor {
        private final ResultCursor delegate;
        private long rows;

        Cursor(ResultCursor delegate) {
            this.delegate = delegate;
        }

        @Override
        public Batch next() {
            try {
                Batch batch = delegate.next();
                if (batch != null) {
                    rows += batch.size();
                }
                return batch;
            } catch (CepheidException e) {
                fail(e, rows);
                throw e;
            }
        }

        @Override
        public void close() {
            // The operators add their counters when they close, so the record is built after the delegate.
            try {
                delegate.close();
            } finally {
                finish(QueryLog.Status.SUCCESS, rows, null);
            }
        }
    }
}
