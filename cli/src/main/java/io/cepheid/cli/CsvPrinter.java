package io.cepheid.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Prints a result as CSV: a header row, then one line per row as it is read. Fields are quoted per RFC 4180
 * when they hold a comma, a double quote, CR or LF (quotes doubled inside); NULL is an empty field.
 */
public final class CsvPrinter {
    private CsvPrinter() {
    }

    public static void print(ResultSet resultSet, PrintStream out) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int columns = meta.getColumnCount();
        String[] values = new String[columns];
        for (int column = 1; column <= columns; column++) {
            values[column - 1] = meta.getColumnLabel(column);
        }
        printRow(values, out);
        while (resultSet.next()) {
            for (int column = 1; column <= columns; column++) {
                values[column - 1] = resultSet.getString(column);
            }
            printRow(values, out);
        }
    }

    public static void print(ResultTable table, PrintStream out) {
        printRow(table.headers().toArray(String[]::new), out);
        for (String[] row : table.rows()) {
            printRow(row, out);
        }
    }

    private static void printRow(String[] values, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values[i]));
        }
        out.println(line);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
