package io.cepheid.sqltest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest file through a JDBC connection, as engine {@value #ENGINE_NAME} for
 * Cepheid (so {@code skipif mysql} runs and {@code onlyif sqlite} does not). Redshift has no indexes, so for
 * Cepheid {@code CREATE [UNIQUE] INDEX} and {@code DROP INDEX} statements are skipped by the runner rather
 * than sent to the engine; other engines (the reference SQLite) get them.
 */
final class SltRunner {
    static final String ENGINE_NAME = "redshift";
    /** The reference runner's DEFAULT_HASH_THRESHOLD, in force until a hash-threshold record says otherwise. */
    static final int DEFAULT_HASH_THRESHOLD = 8;
    private static final Pattern INDEX_STATEMENT =
            Pattern.compile("^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX)\\b", Pattern.CASE_INSENSITIVE);
    private static final int SHOWN_VALUES = 40;

    private final ExpectedFailures expectedFailures;
    private final String engineName;

    /** A runner for Cepheid, engine name {@value #ENGINE_NAME}. */
    SltRunner(ExpectedFailures expectedFailures) {
        this(expectedFailures, ENGINE_NAME);
    }

    SltRunner(ExpectedFailures expectedFailures, String engineName) {
        this.expectedFailures = expectedFailures;
        this.engineName = engineName;
    }

    SltReport run(String fileName, List<SltRecord> records, Connection connection) {
        SltReport report = new SltReport(fileName);
        Map<String, String> labelHashes = new HashMap<>();
        int hashThreshold = DEFAULT_HASH_THRESHOLD;
        for (SltRecord record : records) {
            boolean runs = record.runsOn(engineName);
            String failure;
            switch (record) {
                case SltRecord.Halt halt -> {
                    if (runs) {
                        return report;
                    }
                    continue;
                }
                case SltRecord.HashThreshold threshold -> {
                    if (runs) {
                        hashThreshold = threshold.threshold();
                    }
                    continue;
                }
                case SltRecord.Statement statement -> {
                    boolean noIndexes = engineName.equals(ENGINE_NAME) && INDEX_STATEMENT.matcher(statement.sql()).find();
                    if (!runs || noIndexes) {
                        report.skipped++;
                        continue;
                    }
                    failure = runStatement(statement, connection);
                }
                case SltRecord.Query query -> {
                    if (!runs) {
                        report.skipped++;
                        if (query.label() != null) {
                            // A skipped labelled query still vouches for its label with the hash in the file.
                            labelHashes.putIfAbsent(query.label(), expectedHash(query));
                        }
                        continue;
                    }
                    failure = runQuery(query, connection, hashThreshold, labelHashes);
                }
            }
            report.executed++;
            String location = fileName + ":" + record.line();
            String reason = expectedFailures.reason(fileName, record.line());
            if (reason == null) {
                if (failure != null) {
                    report.failures.add(location + ": " + failure);
                }
            } else if (failure == null) {
                report.unexpectedPasses.add(location + " (listed as: " + reason + ")");
            } else {
                report.expectedFailures.add(location + " (" + reason + ")");
            }
        }
        return report;
    }

    /** Null when the statement behaved as the record says, else why not. */
    static String runStatement(SltRecord.Statement record, Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(record.sql());
        } catch (SQLException e) {
            if (!record.expectError()) {
                return "statement failed: " + describe(e) + "\nSQL: " + record.sql();
            }
            // The text may name the SQLSTATE too: "statement error [22003] numeric field overflow".
            if (record.errorText() != null && !describe(e).contains(record.errorText())) {
                return "statement failed with the wrong error\nSQL: " + record.sql() + "\nexpected an error containing: "
                        + record.errorText() + "\nactual error: " + describe(e);
            }
            return null;
        }
        return record.expectError() ? "statement succeeded but an error was expected\nSQL: " + record.sql() : null;
    }

    static String runQuery(SltRecord.Query query, Connection connection, int hashThreshold, Map<String, String> labelHashes) {
        String types = query.types();
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query.sql())) {
            int columns = rows.getMetaData().getColumnCount();
            if (columns != types.length()) {
                return "query returned " + columns + " columns but the type string '" + types + "' has " + types.length()
                        + "\nSQL: " + query.sql();
            }
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    char type = types.charAt(column - 1);
                    Object value = rows.getObject(column);
                    values.add(SltValues.render(value, type == 'T' && value != null ? rows.getString(column) : null, type));
                }
            }
        } catch (SQLException e) {
            return "query failed: " + describe(e) + "\nSQL: " + query.sql();
        }
        List<String> actual = SltValues.sorted(values, query.sortMode(), types.length());
        String mismatch = compare(query, actual, hashThreshold);
        if (mismatch != null) {
            return mismatch;
        }
        if (query.label() != null) {
            String hash = SltValues.md5(actual);
            String earlier = labelHashes.putIfAbsent(query.label(), hash);
            if (earlier != null && !earlier.equals(hash)) {
                return "result differs from an earlier query labelled " + query.label() + " (hash " + earlier + ", this one "
                        + hash + ")\nSQL: " + query.sql();
            }
        }
        return null;
    }

    /**
     * Null when {@code actual} (rendered and sorted) matches the record: against the hash line when the file
     * gives one, else value by value (the expected values sorted the same way).
     */
    static String compare(SltRecord.Query query, List<String> actual, int hashThreshold) {
        Matcher hashLine = query.expected().size() == 1 ? SltValues.HASH_LINE.matcher(query.expected().getFirst()) : null;
        if (hashLine != null && hashLine.matches()) {
            String actualLine = SltValues.hashLine(actual);
            return actualLine.equals(query.expected().getFirst()) ? null
                    : "query result differs\nSQL: " + query.sql() + "\nexpected: " + query.expected().getFirst()
                            + "\nactual:   " + actualLine + shown(actual);
        }
        List<String> expected = SltValues.sorted(SltValues.flattenExpected(query.expected()), query.sortMode(), query.types().length());
        if (expected.equals(actual)) {
            return null;
        }
        String actualForm = hashThreshold > 0 && actual.size() > hashThreshold ? "\n(" + SltValues.hashLine(actual) + ")" : "";
        return "query result differs\nSQL: " + query.sql() + "\nexpected:" + shown(expected) + "\nactual:" + shown(actual) + actualForm;
    }

    private static String expectedHash(SltRecord.Query query) {
        if (query.expected().size() == 1) {
            Matcher hashLine = SltValues.HASH_LINE.matcher(query.expected().getFirst());
            if (hashLine.matches()) {
                return hashLine.group(2);
            }
        }
        return SltValues.md5(SltValues.sorted(SltValues.flattenExpected(query.expected()), query.sortMode(), query.types().length()));
    }

    private static String shown(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(values.size(), SHOWN_VALUES); i++) {
            text.append("\n  ").append(values.get(i));
        }
        if (values.size() > SHOWN_VALUES) {
            text.append("\n  ... (").append(values.size()).append(" values)");
        }
        if (values.isEmpty()) {
            text.append(" (no rows)");
        }
        return text.toString();
    }

    private static String describe(SQLException e) {
        return "[" + e.getSQLState() + "] " + e.getMessage();
    }
}
