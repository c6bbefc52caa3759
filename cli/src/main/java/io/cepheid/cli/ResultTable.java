package io.cepheid.cli;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A result read fully into text, for printing: column headers, which columns are numbers (right-aligned in
 * tables), and rows of values as text, a SQL NULL being null.
 */
public record ResultTable(List<String> headers, List<Boolean> numeric, List<String[]> rows) {
    public static ResultTable read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int columns = meta.getColumnCount();
        List<String> headers = new ArrayList<>(columns);
        List<Boolean> numeric = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
            headers.add(meta.getColumnLabel(column));
            numeric.add(isNumeric(meta.getColumnType(column)));
        }
        List<String[]> rows = new ArrayList<>();
        while (resultSet.next()) {
            String[] row = new String[columns];
            for (int column = 1; column <= columns; column++) {
                row[column - 1] = resultSet.getString(column);
            }
            rows.add(row);
        }
        return new ResultTable(headers, numeric, rows);
    }

    static boolean isNumeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL,
                 Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }
}
