package io.cepheid.planner.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cepheid.storage.error.CepheidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every statement and query of sqllogictest's select1.test parses. The corpus is not copied into
 * the repository (its licence is unstated, see testdata/SOURCES.md); the test reads it from the
 * shared test-data folder, found through -Dcepheid.testdata or next to the checkout.
 */
class SqlLogicTestCorpusParseTest {
    private static final String ENGINE = "redshift";

    @Test
    void select1ParsesCompletely() throws IOException {
        Path file = locate("sqllogictest/select1.test");
        List<String> statements = sqlOf(Files.readAllLines(file));
        assertTrue(statements.size() > 1000, "too few records read: " + statements.size());
        List<String> failures = new ArrayList<>();
        for (String sql : statements) {
            try {
                CepheidParser.parse(sql);
            } catch (CepheidException e) {
                failures.add(e.getMessage() + "\n" + sql);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + statements.size() + " records failed to parse, first:\n"
                + failures.get(0));
        }
        SqlNode create = CepheidParser.parse(statements.get(0));
        assertEquals(5, assertInstanceOf(SqlCreateTable.class, create).columns().size());
    }

    /**
     * Splits a sqllogictest file into the SQL of its statement and query records (FORMAT.md):
     * records are separated by blank lines, '#' lines are dropped, the SQL runs from the line
     * after the header to '----' or the end of the record, and skipif/onlyif prefixes apply.
     */
    static List<String> sqlOf(List<String> lines) {
        List<String> statements = new ArrayList<>();
        List<String> record = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                addRecord(record, statements);
                record.clear();
            } else {
                record.add(line);
            }
        }
        addRecord(record, statements);
        return statements;
    }

    private static void addRecord(List<String> record, List<String> statements) {
        int header = 0;
        while (header < record.size()) {
            String[] tokens = record.get(header).trim().split("\\s+");
            String keyword = tokens[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("skipif") && tokens.length > 1 && tokens[1].equalsIgnoreCase(ENGINE)) {
                return;
            }
            if (keyword.equals("onlyif") && tokens.length > 1 && !tokens[1].equalsIgnoreCase(ENGINE)) {
                return;
            }
            if (!keyword.equals("skipif") && !keyword.equals("onlyif")) {
                break;
            }
            header++;
        }
        if (header >= record.size()) {
            return;
        }
        String kind = record.get(header).trim().split("\\s+")[0];
        if (!kind.equals("statement") && !kind.equals("query")) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = header + 1; i < record.size() && !record.get(i).equals("----"); i++) {
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            sql.append(record.get(i));
        }
        statements.add(sql.toString());
    }

    private static Path locate(String relative) {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("cepheid.testdata");
        if (configured != null) {
            candidates.add(Path.of(configured).resolve(relative));
        }
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            candidates.add(directory.resolve("shared/testdata").resolve(relative));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("sqllogictest corpus not found; looked in " + candidates);
        throw new AssertionError("unreachable");
    }
}
