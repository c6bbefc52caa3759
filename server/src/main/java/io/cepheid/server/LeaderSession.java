package io.cepheid.server;

import io.cepheid.executor.operator.ExecutionContext;
import io.cepheid.executor.operator.Operator;
import io.cepheid.executor.operator.Operators;
import io.cepheid.executor.operator.QueryCancellation;
import io.cepheid.executor.operator.QueryMetrics;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.planner.PlannedQuery;
import io.cepheid.planner.QueryPlanner;
import io.cepheid.planner.parse.SqlExplainAnalyze;
import io.cepheid.planner.physical.PlanEstimates;
import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.vector.Batch;
import io.cepheid.planner.parse.SqlTransactionControl;
import io.cepheid.planner.parse.SqlTruncateTable;
import io.cepheid.planner.parse.SqlVacuum;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client session on the leader: parses each statement, dispatches it by kind (query, DML, DDL, COPY,
 * settings, transaction control) and runs it against the latest committed catalog version, or inside a
 * BEGIN ... COMMIT block against the block's transaction ({@link TransactionBlock}). Outside a block each
 * statement commits on its own (autocommit).
 */
final class LeaderSession implements Session {
    private final Engine engine;
    private final int id;
    private final SessionSettings settings;
    private final DdlExecutor ddl;
    private final RowChangeCommand rowChanges;
    private final VacuumCommand vacuum;
    private final TransactionBlock block;
    /** The running statement's token (a fresh one per statement), set by cancel() and statement_timeout. */
    private volatile QueryCancellation cancellation = new QueryCancellation();
    private int queryCounter;

    LeaderSession(Engine engine, int id) {
        this.engine = engine;
        this.id = id;
        this.settings = new SessionSettings(engine.config().queryMemoryLimit());
        this.ddl = new DdlExecutor(engine, settings, this);
        this.rowChanges = new RowChangeCommand(settings, this);
        this.vacuum = new VacuumCommand(settings, this);
        this.block = new TransactionBlock(engine.warehouse());
    }

    @Override
    public StatementResult execute(String sql, List<Object> parameters) {
        QueryCancellation statement = new QueryCancellation();
        cancellation = statement;
        ScheduledFuture<?> timeout = StatementTimeouts.start(settings.statementTimeoutMillis(), statement);
        try {
            StatementResult result = executeStatement(sql, parameters);
            // A result set's statement runs until its cursor closes, and the timeout with it.
            return timeout == null ? result : stopOnClose(result, timeout);
        } catch (RuntimeException e) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            throw e;
        }
    }

    private static StatementResult stopOnClose(StatementResult result, ScheduledFuture<?> timeout) {
        if (!(result instanceof StatementResult.Rows rows)) {
            timeout.cancel(false);
            return result;
        }
        ResultCursor cursor = rows.cursor();
        return new StatementResult.Rows(rows.columns(), new ResultCursor() {
            @Override
            public Batch next() {
                return cursor.next();
            }

            @Override
            public void close() {
                timeout.cancel(false);
                cursor.close();
            }
        }, rows.commandTag());
    }

    private StatementResult executeStatement(String sql, List<Object> parameters) {
        StatementRecord record = new StatementRecord(engine.history(), id, sql);
        try {
            SqlNode node = StatementParser.parse(sql);
            record.queryType(node);
            if (node instanceof SqlTransactionControl control) {
                return record.attach(switch (control.action()) {
                    case BEGIN -> block.begin();
                    case COMMIT -> block.commit();
                    case ROLLBACK -> block.rollback();
                });
            }
            block.checkUsable();
            try {
                return record.attach(dispatch(node, parameters == null ? List.of() : parameters, record));
            } catch (RuntimeException e) {
                block.statementFailed();
                throw e;
            }
        } catch (CepheidException e) {
            record.fail(e, 0);
            throw e;
        } catch (RuntimeException e) {
            CepheidException internal = new CepheidException(ErrorCode.INTERNAL_ERROR, "internal error: " + e, e);
            record.fail(internal, 0);
            throw internal;
        }
    }

    private StatementResult dispatch(SqlNode node, List<Object> parameters, StatementRecord record) {
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return query(node, parameters, record);
        }
        return switch (node) {
            case SqlExplainAnalyze analyze -> explainAnalyze(analyze, parameters, record);
            case SqlExplain explain -> explain(explain, parameters);
            case SqlInsert insert -> insert(insert, parameters);
            case SqlDelete delete -> rowChanges.delete(delete, parameters);
            case SqlUpdate update -> rowChanges.update(update, parameters);
            case SqlTruncateTable truncate -> rowChanges.truncate(truncate);
            case SqlVacuum statement -> vacuum.execute(statement, block.state() != Session.TransactionState.IDLE);
            case SqlSetOption set -> {
                settings.apply(set);
                yield new StatementResult.Done("SET");
            }
            default -> ddl.execute(node, parameters);
        };
    }

    @Override
    public PreparedInfo prepare(String sql) {
        SqlNode node = StatementParser.parse(sql);
        int markers = StatementParser.countParameters(node);
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            return new PreparedInfo(markers, List.of());
        }
        List<Object> nulls = new ArrayList<>();
        for (int i = 0; i < markers; i++) {
            nulls.add(null);
        }
        PlannedQuery planned = new QueryPlanner(block.snapshot(), settings.searchSchema()).planQuery(node, nulls);
        return new PreparedInfo(markers, columns(planned));
    }

    /** Runs a query; {@code record}, when not null, receives its plan and step counters. */
    private StatementResult query(SqlNode node, List<Object> parameters, StatementRecord record) {
        CatalogSnapshot snapshot = block.snapshot();
        PlannedQuery planned = new QueryPlanner(snapshot, settings.searchSchema(), engine.history()).planQuery(node, parameters);
        QueryMetrics metrics = record == null ? null : new QueryMetrics(planned.plan());
        if (record != null) {
            record.plan(planned.plan(), metrics);
        }
        BufferAllocator allocator = newQueryAllocator();
        try {
            Operator root = Operators.create(planned.plan(), context(allocator, snapshot).withMetrics(metrics));
            ResultCursor cursor = block.guard(new OperatorCursor(root, allocator, cancellation));
            return new StatementResult.Rows(columns(planned), cursor, "SELECT");
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    private StatementResult explain(SqlExplain explain, List<Object> parameters) {
        SqlNode explained = explain.getExplicandum();
        CatalogSnapshot snapshot = block.snapshot();
        PlannedQuery planned = new QueryPlanner(snapshot, settings.searchSchema(), engine.history())
                .planQuery(explained, parameters);
        return TextRows.of("QUERY PLAN", PlanPrinter.print(planned.plan(), new PlanEstimates(snapshot),
                new PlanColumnNames(planned.plan(), snapshot, planned.columnNames())), "EXPLAIN");
    }

    /** Runs the query to the end, discarding its rows, and prints the plan with what each step did. */
    private StatementResult explainAnalyze(SqlExplainAnalyze explain, List<Object> parameters, StatementRecord record) {
        SqlNode explained = explain.getExplicandum();
        if (!explained.getKind().belongsTo(SqlKind.QUERY)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE supports queries only");
        }
        CatalogSnapshot snapshot = block.snapshot();
        PlannedQuery planned = new QueryPlanner(snapshot, settings.searchSchema(), engine.history())
                .planQuery(explained, parameters);
        QueryMetrics metrics = new QueryMetrics(planned.plan());
        record.plan(planned.plan(), metrics);
        try (BufferAllocator allocator = newQueryAllocator()) {
            Operators.drain(Operators.create(planned.plan(), context(allocator, snapshot).withMetrics(metrics)), batch -> {
                batch.close();
                cancellation.check();
            });
        }
        return TextRows.of("QUERY PLAN", PlanPrinter.print(planned.plan(), new PlanEstimates(snapshot),
                new PlanColumnNames(planned.plan(), snapshot, planned.columnNames()), metrics), "EXPLAIN");
    }

    private StatementResult insert(SqlInsert insert, List<Object> parameters) {
        return write(transaction -> {
            CatalogSnapshot view = transaction.view();
            QueryPlanner.PlannedInsert planned = new QueryPlanner(view, settings.searchSchema(), engine.history())
                    .planInsert(insert, parameters);
            TableAppender appender = transaction.appender(planned.table().schema(), planned.table().name());
            long rows = runInto(planned.rows(), view, appender);
            return new StatementResult.UpdateCount(rows, "INSERT 0 " + rows);
        });
    }

    /** The catalog version this session's statements read: the open block's view, else the latest commit. */
    CatalogSnapshot snapshot() {
        return block.snapshot();
    }

    /**
     * Runs a writing statement in the open block's transaction, or in a transaction of its own that
     * commits when {@code work} returns.
     */
    <T> T write(Function<Transaction, T> work) {
        return block.write(work);
    }

    /** Runs {@code plan} and appends every row it produces; returns the row count. */
    long runInto(PlanSpec plan, CatalogSnapshot snapshot, TableAppender appender) {
        long[] rows = {0};
        forEachBatch(plan, snapshot, batch -> {
            appender.append(batch);
            rows[0] += batch.size();
        });
        return rows[0];
    }

    /** Runs {@code plan} and hands each batch it produces to {@code consumer}, which must not keep it. */
    void forEachBatch(PlanSpec plan, CatalogSnapshot snapshot, Consumer<Batch> consumer) {
        try (BufferAllocator allocator = newQueryAllocator();
             Operator root = Operators.create(plan, context(allocator, snapshot))) {
            while (true) {
                Batch next = root.next();
                if (next == null) {
                    break;
                }
                try (Batch batch = next) {
                    cancellation.check();
                    consumer.accept(batch);
                }
            }
        }
    }

    /**
     * Values for the columns a COPY leaves out: each column's DEFAULT evaluated once (it is a constant
     * expression), else null. Listed columns get null placeholders.
     */
    List<Object> defaultValues(TableDefinition table, List<Integer> listedColumns) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition column = table.columns().get(i);
            if (listedColumns.contains(i) || column.defaultSql() == null) {
                values.add(null);
                continue;
            }
            String sql = "SELECT CAST((" + column.defaultSql() + ") AS " + castTypeName(column.type()) + ")";
            try (StatementResult result = query(StatementParser.parse(sql), List.of(), null)) {
                ResultCursor cursor = ((StatementResult.Rows) result).cursor();
                Batch batch = cursor.next();
                try (batch) {
                    values.add(batch.column(0).getObject(batch.row(0)));
                }
            }
        }
        return values;
    }

    /** A type name Calcite's CAST accepts for each column type. */
    static String castTypeName(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> "SMALLINT";
            case SqlType.IntegerType t -> "INTEGER";
            case SqlType.BigIntType t -> "BIGINT";
            case SqlType.DecimalType d -> "DECIMAL(" + d.precision() + "," + d.scale() + ")";
            case SqlType.RealType t -> "REAL";
            case SqlType.DoubleType t -> "DOUBLE";
            case SqlType.BooleanType t -> "BOOLEAN";
            case SqlType.CharType c -> "CHAR(" + c.length() + ")";
            case SqlType.VarcharType v -> "VARCHAR(" + v.maxBytes() + ")";
            case SqlType.DateType t -> "DATE";
            case SqlType.TimestampType t -> "TIMESTAMP";
            case SqlType.TimestampTzType t -> "TIMESTAMPTZ";
            case SqlType.TimeType t -> "TIME";
            case SqlType.IntervalType t -> "INTERVAL";
        };
    }

    BufferAllocator newQueryAllocator() {
        return new BufferAllocator("query " + id + "." + (++queryCounter), settings.queryMemoryLimit());
    }

    ExecutionContext context(BufferAllocator allocator, CatalogSnapshot snapshot) {
        return new ExecutionContext(allocator, snapshot, ExecutionContext.ALL_SLICES,
                engine.warehouse().sliceCount(), engine.sliceExecutor()).withCancellation(cancellation);
    }

    private static List<ResultColumn> columns(PlannedQuery planned) {
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < planned.columnNames().size(); i++) {
            columns.add(new ResultColumn(planned.labels().get(i), planned.columnTypes().get(i),
                    planned.nullable().get(i)));
        }
        return columns;
    }

    @Override
    public TransactionState transactionState() {
        return block.state();
    }

    @Override
    public void cancel() {
        cancellation.cancel(QueryCancellation.Reason.USER_REQUEST);
    }

    @Override
    public void close() {
        cancellation.cancel(QueryCancellation.Reason.USER_REQUEST);
        block.close();
    }
}
