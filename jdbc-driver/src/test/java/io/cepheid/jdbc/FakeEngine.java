package io.cepheid.jdbc;

import io.cepheid.server.EngineHandle;
import io.cepheid.server.ResultColumn;
import io.cepheid.server.ResultCursor;
import io.cepheid.server.Session;
import io.cepheid.server.StatementResult;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A hand-written engine for driver tests: each SQL text maps to a canned answer built from real vectors;
 * unknown SQL fails with SQLSTATE 42P01. It records what ran and counts open cursors and handles.
 */
final class FakeEngine implements EngineHandle {
    static final List<ResultColumn> ALL_TYPES = List.of(
            new ResultColumn("s", SqlType.SMALLINT, true),
            new ResultColumn("i", SqlType.INTEGER, true),
            new ResultColumn("b", SqlType.BIGINT, true),
            new ResultColumn("d", new SqlType.DecimalType(12, 2), true),
            new ResultColumn("r", SqlType.REAL, true),
            new ResultColumn("f", SqlType.DOUBLE, true),
            new ResultColumn("ok", SqlType.BOOLEAN, true),
            new ResultColumn("name", new SqlType.VarcharType(20), false),
            new ResultColumn("day", SqlType.DATE, true),
            new ResultColumn("at", SqlType.TIMESTAMP, true));

    final BufferAllocator allocator = BufferAllocator.unlimited("fake-engine");
    final List<String> executed = new ArrayList<>();
    final List<List<Object>> parameters = new ArrayList<>();
    final Map<String, Function<List<Object>, StatementResult>> answers;
    int openCursors;
    int openHandles = 1;
    volatile int cancels;

    FakeEngine() {
        answers = Map.of(
                "SELECT * FROM everything", p -> rows(ALL_TYPES, List.of(batch(ALL_TYPES,
                        new Object[] {(short) 7, 42, 9_000_000_000L, new BigDecimal("12.50"), 1.5f, 0.25, true, "alpha",
                            LocalDate.of(2024, 1, 31), LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000)},
                        new Object[] {null, null, null, null, null, null, null, "", null, null}))),
                "SELECT n FROM numbers", p -> numbers(),
                "INSERT INTO t VALUES (1), (2), (3)", p -> new StatementResult.UpdateCount(3, "INSERT 0 3"),
                "CREATE TABLE t (n INTEGER)", p -> new StatementResult.Done("CREATE TABLE"),
                "SET search_path TO \"sales\"", p -> new StatementResult.Done("SET"),
                "SELECT ? + ?", p -> echo(p),
                "SELECT pg_sleep(60)", p -> sleepUntilCancelled(),
                "SELECT 1 / 0", p -> {
                    throw new CepheidException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
                });
    }

    /** A statement that runs until {@link Session#cancel()} is called, then fails as PostgreSQL's do. */
    private StatementResult sleepUntilCancelled() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (cancels == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
    }

    /** Three batches: rows 1..3, an empty one, then 4..6 of which a selection keeps 4 and 6. */
    private StatementResult numbers() {
        List<ResultColumn> columns = List.of(new ResultColumn("n", SqlType.INTEGER, false));
        Batch first = batch(columns, new Object[] {1}, new Object[] {2}, new Object[] {3});
        Batch empty = batch(columns);
        Batch filtered = batch(columns, new Object[] {4}, new Object[] {5}, new Object[] {6});
        filtered.setSelection(new int[] {0, 2}, 2);
        return rows(columns, List.of(first, empty, filtered));
    }

    private StatementResult echo(List<Object> values) {
        List<ResultColumn> columns = List.of(new ResultColumn("?column?", SqlType.VARCHAR, true));
        Object[][] rows = new Object[values.size()][];
        for (int i = 0; i < rows.length; i++) {
            Object value = values.get(i);
            rows[i] = new Object[] {value == null ? null : value.getClass().getSimpleName() + ":" + value};
        }
        return rows(columns, List.of(batch(columns, rows)));
    }

    /** information_schema as the driver's DatabaseMetaData queries it: table t and view v in public, one system table. */
    private Function<List<Object>, StatementResult> catalogAnswer(String sql) {
        if (sql.startsWith("SELECT schema_name FROM information_schema.schemata")) {
            List<ResultColumn> columns = List.of(new ResultColumn("schema_name", SqlType.VARCHAR, false));
            return p -> rows(columns, List.of(batch(columns, new Object[] {"information_schema"}, new Object[] {"public"})));
        }
        if (sql.startsWith("SELECT table_schema, table_name, table_type FROM information_schema.tables")) {
            List<ResultColumn> columns = List.of(new ResultColumn("table_schema", SqlType.VARCHAR, false),
                    new ResultColumn("table_name", SqlType.VARCHAR, false), new ResultColumn("table_type", SqlType.VARCHAR, false));
            return p -> rows(columns, List.of(batch(columns, new Object[] {"public", "v", "VIEW"},
                    new Object[] {"public", "t", "BASE TABLE"}, new Object[] {"information_schema", "tables", "VIEW"})));
        }
        if (sql.startsWith("SELECT table_schema, table_name, column_name, ordinal_position, data_type, is_nullable,")) {
            List<ResultColumn> columns = List.of(new ResultColumn("table_schema", SqlType.VARCHAR, false),
                    new ResultColumn("table_name", SqlType.VARCHAR, false), new ResultColumn("column_name", SqlType.VARCHAR, false),
                    new ResultColumn("ordinal_position", SqlType.INTEGER, false), new ResultColumn("data_type", SqlType.VARCHAR, false),
                    new ResultColumn("is_nullable", SqlType.VARCHAR, false),
                    new ResultColumn("character_maximum_length", SqlType.INTEGER, true),
                    new ResultColumn("numeric_precision", SqlType.INTEGER, true),
                    new ResultColumn("numeric_scale", SqlType.INTEGER, true));
            return p -> rows(columns, List.of(batch(columns,
                    new Object[] {"public", "t", "id", 1, "integer", "NO", null, 32, 0},
                    new Object[] {"public", "t", "price", 2, "numeric", "YES", null, 12, 2},
                    new Object[] {"public", "t", "name", 3, "character varying", "YES", 40, null, null})));
        }
        return null;
    }

    Batch batch(List<ResultColumn> columns, Object[]... rows) {
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int column = 0; column < vectors.length; column++) {
            vectors[column] = ColumnVector.allocate(allocator, columns.get(column).type(), Math.max(rows.length, 1));
            for (int row = 0; row < rows.length; row++) {
                InMemoryCursor.write(vectors[column], row, rows[row][column]);
            }
        }
        return new Batch(vectors, rows.length);
    }

    StatementResult rows(List<ResultColumn> columns, List<Batch> batches) {
        Deque<Batch> queue = new ArrayDeque<>(batches);
        openCursors++;
        ResultCursor cursor = new ResultCursor() {
            private boolean closed;

            @Override
            public Batch next() {
                return queue.poll();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openCursors--;
                    queue.forEach(Batch::close);
                    queue.clear();
                }
            }
        };
        return new StatementResult.Rows(columns, cursor, "SELECT");
    }

    @Override
    public Session openSession() {
        return new Session() {
            @Override
            public StatementResult execute(String sql, List<Object> parameterValues) {
                executed.add(sql);
                parameters.add(parameterValues);
                Function<List<Object>, StatementResult> answer = answers.get(sql);
                if (answer == null) {
                    answer = catalogAnswer(sql);
                }
                if (answer == null) {
                    throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"" + sql + "\" does not exist");
                }
                return answer.apply(parameterValues);
            }

            @Override
            public PreparedInfo prepare(String sql) {
                if (sql.equals("SELECT * FROM everything")) {
                    return new PreparedInfo(0, ALL_TYPES);
                }
                return new PreparedInfo((int) sql.chars().filter(c -> c == '?').count(), List.of());
            }

            /** The fake answers BEGIN like any other scripted statement and keeps no block. */
            @Override
            public TransactionState transactionState() {
                return TransactionState.IDLE;
            }

            @Override
            public void cancel() {
                cancels++;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        openHandles--;
    }
}
