package io.cepheid.cli;

import io.cepheid.jdbc.InMemoryCursor;
import io.cepheid.server.EngineHandle;
import io.cepheid.server.ResultColumn;
import io.cepheid.server.Session;
import io.cepheid.server.StatementResult;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written engine for console tests: a few fixed statements with fixed answers, the catalog queries
 * of {@code \d}, and SQLSTATE 42P01 for anything else. It records the SQL and parameters it received.
 */
final class FakeWarehouse implements EngineHandle, Session {
    final List<String> executed = new ArrayList<>();
    final List<List<Object>> parameters = new ArrayList<>();
    boolean noTables;

    @Override
    public StatementResult execute(String sql, List<Object> parameterValues) {
        executed.add(sql);
        parameters.add(parameterValues);
        // Whitespace is normalised so statements typed over several lines match their one-line form.
        return switch (sql.replaceAll("\\s+", " ")) {
            case "CREATE TABLE t (id INTEGER, name VARCHAR(10), price DECIMAL(6,2))" -> new StatementResult.Done("CREATE TABLE");
            case "INSERT INTO t VALUES (1, 'pen', 1.50), (2, 'ink, \"blue\"', 12.00), (3, NULL, NULL)" ->
                    new StatementResult.UpdateCount(3, "INSERT 0 3");
            case "SELECT id, name, price FROM t ORDER BY id" -> rows(
                    List.of(column("id", SqlType.INTEGER), column("name", new SqlType.VarcharType(10)),
                            column("price", new SqlType.DecimalType(6, 2))),
                    new Object[] {1, "pen", new BigDecimal("1.50")}, new Object[] {2, "ink, \"blue\"", new BigDecimal("12.00")},
                    new Object[] {3, null, null});
            case "SELECT 1 AS one" -> rows(List.of(column("one", SqlType.INTEGER)), new Object[] {1});
            default -> catalog(sql);
        };
    }

    private StatementResult catalog(String sql) {
        if (sql.startsWith("SELECT table_schema, table_name, table_type FROM information_schema.tables")) {
            List<ResultColumn> columns = List.of(column("table_schema", SqlType.VARCHAR), column("table_name", SqlType.VARCHAR),
                    column("table_type", SqlType.VARCHAR));
            return noTables ? rows(columns) : rows(columns, new Object[] {"public", "sales", "BASE TABLE"},
                    new Object[] {"public", "sales_view", "VIEW"});
        }
        if (sql.startsWith("SELECT \"column\", type, encoding, distkey, sortkey, notnull FROM pg_table_def")) {
            List<ResultColumn> columns = List.of(column("column", SqlType.VARCHAR), column("type", SqlType.VARCHAR),
                    column("encoding", SqlType.VARCHAR), column("distkey", SqlType.BOOLEAN), column("sortkey", SqlType.INTEGER),
                    column("notnull", SqlType.BOOLEAN));
            if (!"sales".equals(parameters.getLast().getFirst())) {
                return rows(columns);
            }
            return rows(columns, new Object[] {"id", "bigint", "az64", true, 1, true},
                    new Object[] {"region", "character varying(16)", "bytedict", false, 0, false});
        }
        throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"x\" does not exist");
    }

    private static ResultColumn column(String name, SqlType type) {
        return new ResultColumn(name, type, true);
    }

    private static StatementResult rows(List<ResultColumn> columns, Object[]... rows) {
        return new StatementResult.Rows(columns, new InMemoryCursor(columns, Arrays.asList(rows)), "SELECT " + rows.length);
    }

    @Override
    public PreparedInfo prepare(String sql) {
        return new PreparedInfo((int) sql.chars().filter(c -> c == '?').count(), List.of());
    }

    /** Blocks are the real engine's; this fake keeps none. */
    @Override
    public TransactionState transactionState() {
        return TransactionState.IDLE;
    }

    @Override
    public void cancel() {
    }

    @Override
    public Session openSession() {
        return this;
    }

    @Override
    public void close() {
    }
}
