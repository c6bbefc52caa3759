package io.cepheid.server;

import io.cepheid.storage.type.SqlType;

import java.util.List;

/** A one-column text result built on the leader (EXPLAIN output, SHOW). */
final class TextRows {
    private TextRows() {
    }

    static StatementResult.Rows of(String columnName, List<String> lines, String commandTag) {
        return LeaderRows.of(List.of(new ResultColumn(columnName, SqlType.VARCHAR, false)),
                lines.stream().<List<Object>>map(List::of).toList(), commandTag);
    }
}
