package io.cepheid.sqltest;

import io.cepheid.jdbc.InMemoryCursor;
import io.cepheid.server.EngineHandle;
import io.cepheid.server.ResultColumn;
import io.cepheid.server.Session;
import io.cepheid.server.StatementResult;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written engine for runner tests: statements map to canned rows or errors, anything else succeeds as
 * a plain command, except SQL containing "nope" (an unknown table, 42P01). It records what was executed.
 */
final class ScriptedEngine implements EngineHandle, Session {
    private final Map<String, StatementResultFactory> answers = new HashMap<>();
    final List<String> executed = new ArrayList<>();

    private interface StatementResultFactory {
        StatementResult create();
    }

    /** Answers {@code sql} with rows of the given column types (I = INTEGER, R = DOUBLE, T = VARCHAR). */
    ScriptedEngine rows(String sql, String types, Object[]... rows) {
        List<ResultColumn> columns = new ArrayList<>();
        for (char type : types.toCharArray()) {
            SqlType sqlType = switch (type) {
                case 'I' -> SqlType.INTEGER;
                case 'R' -> SqlType.DOUBLE;
                default -> SqlType.VARCHAR;
            };
            columns.add(new ResultColumn("c" + columns.size(), sqlType, true));
        }
        answers.put(sql, () -> new StatementResult.Rows(columns, new InMemoryCursor(columns, List.of(rows)), "SELECT"));
        return this;
    }

    ScriptedEngine error(String sql, ErrorCode code, String message) {
        answers.put(sql, () -> {
            throw new CepheidException(code, message);
        });
        return this;
    }

    @Override
    public Session openSession() {
        return this;
    }

    @Override
    public StatementResult execute(String sql, List<Object> parameters) {
        executed.add(sql);
        StatementResultFactory answer = answers.get(sql);
        if (answer != null) {
            return answer.create();
        }
        if (sql.contains("nope")) {
            throw new CepheidException(ErrorCode.UNDEFINED_TABLE, "relation \"nope\" does not exist");
        }
        return new StatementResult.Done("OK");
    }

    @Override
    public PreparedInfo prepare(String sql) {
        return new PreparedInfo(0, List.of());
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
    public void close() {
    }
}
