package io.cepheid.bench.tpch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** A query result as text: column names and rows of {@code getString} values (null stays null). */
public record ResultTable(List<String> columns, List<List<String>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads every row of {@code results}. */
    public static ResultTable read(ResultSet results) throws SQLException {
        int count = results.getMetaData().getColumnCount();
        List<String> columns = new ArrayList<>(count);
        for (int c = 1; c <= count; c++) {
            columns.add(results.getMetaData().getColumnLabel(c));
        }
        List<List<String>> rows = new ArrayList<>();
        while (results.next()) {
            String[] row = new String[count];
            for (int c = 1; c <= count; c++) {
                row[c - 1] = results.getString(c);
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return new ResultTable(columns, rows);
    }

    /**
     * Reads an answer file of {@code ../shared/testdata/tpch/answers}: {@code |}-separated, header first,
     * no quoting; an empty field is read as an empty string.
     */
    public static ResultTable readAnswerFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(Arrays.asList(line.split("\\|", -1)));
            }
            return new ResultTable(Arrays.asList(lines.getFirst().split("\\|", -1)), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This table without the named columns (by position in {@link #columns()}); names not present are ignored. */
    public ResultTable without(Set<String> dropped) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!dropped.contains(columns.get(c))) {
                kept.add(c);
            }
        }
        return new ResultTable(kept.stream().map(columns::get).toList(),
                rows.stream().map(row -> kept.stream().map(row::get).toList()).toList());
    }
}
