package io.cepheid.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints a result as psql's aligned table: centered headers, a dashed rule, numbers right-aligned and text
 * left-aligned, NULL as nothing, trailing blanks trimmed, and a {@code (N rows)} footer.
 */
public final class TablePrinter {
    private TablePrinter() {
    }

    public static void print(ResultTable table, PrintStream out) {
        print(table, null, out);
    }

    /** With a {@code title} (or null) centered above the table, as psql prints {@code List of relations}. */
    public static void print(ResultTable table, String title, PrintStream out) {
        List<String> headers = table.headers();
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
        }
        for (String[] row : table.rows()) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], text(row[column]).length());
            }
        }
        if (title != null) {
            int tableWidth = widths.length * 3 - 1;
            for (int width : widths) {
                tableWidth += width;
            }
            out.println(" ".repeat(Math.max(0, (tableWidth - title.length()) / 2)) + title);
        }
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String header = headers.get(column);
            int left = (widths[column] - header.length()) / 2;
            line.append(column == 0 ? " " : " | ").append(" ".repeat(left)).append(header)
                    .append(" ".repeat(widths[column] - header.length() - left));
        }
        out.println(stripTrailing(line));
        line.setLength(0);
        for (int column = 0; column < widths.length; column++) {
            line.append(column == 0 ? "" : "+").append("-".repeat(widths[column] + 2));
        }
        out.println(line);
        for (String[] row : table.rows()) {
            line.setLength(0);
            for (int column = 0; column < widths.length; column++) {
                String value = text(row[column]);
                String padding = " ".repeat(widths[column] - value.length());
                line.append(column == 0 ? " " : " | ");
                if (table.numeric().get(column)) {
                    line.append(padding).append(value);
                } else {
                    line.append(value).append(padding);
                }
            }
            out.println(stripTrailing(line));
        }
        int count = table.rows().size();
        out.println(count == 1 ? "(1 row)" : "(" + count + " rows)");
        out.println();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String stripTrailing(StringBuilder line) {
        return line.toString().stripTrailing();
    }
}
