package io.cepheid.sqltest;

import io.cepheid.sqltest.SltRecord.Condition;
import io.cepheid.sqltest.SltRecord.SortMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sqllogictest file into records: records are separated by blank lines, {@code #} lines are dropped
 * (and do not separate records), the first line's whitespace-separated tokens say what the record is.
 */
final class SltParser {
    private static final String RESULT_SEPARATOR = "----";

    private SltParser() {
    }

    /** Parses {@code text}; {@code fileName} only labels errors. Unknown record types are an error, not skipped. */
    static List<SltRecord> parse(String fileName, String text) {
        List<SltRecord> records = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int index = 0;
        while (index < lines.length) {
            if (lines[index].isBlank()) {
                index++;
                continue;
            }
            // Gather one record: lines up to the next blank line, comments removed.
            List<String> body = new ArrayList<>();
            int firstLine = -1;
            while (index < lines.length && !lines[index].isBlank()) {
                if (!lines[index].startsWith("#")) {
                    if (firstLine < 0) {
                        firstLine = index + 1;
                    }
                    body.add(lines[index]);
                }
                index++;
            }
            if (!body.isEmpty()) {
                records.add(parseRecord(fileName, firstLine, body));
            }
        }
        return records;
    }

    private static SltRecord parseRecord(String fileName, int line, List<String> body) {
        List<Condition> conditions = new ArrayList<>();
        int header = 0;
        while (header < body.size()) {
            String[] tokens = tokens(body.get(header));
            if (tokens[0].equals("skipif") || tokens[0].equals("onlyif")) {
                require(tokens.length >= 2, fileName, line + header, "skipif/onlyif needs an engine name");
                conditions.add(new Condition(tokens[0].equals("onlyif"), tokens[1]));
                header++;
            } else {
                break;
            }
        }
        require(header < body.size(), fileName, line, "a record holds only skipif/onlyif lines");
        int headerLine = line + header;
        String headerText = body.get(header);
        String[] tokens = tokens(headerText);
        List<String> rest = body.subList(header + 1, body.size());
        return switch (tokens[0]) {
            case "statement" -> parseStatement(fileName, headerLine, conditions, headerText, tokens, rest);
            case "query" -> parseQuery(fileName, headerLine, conditions, tokens, rest);
            case "hash-threshold" -> {
                require(tokens.length >= 2, fileName, headerLine, "hash-threshold needs a number");
                yield new SltRecord.HashThreshold(headerLine, conditions, Integer.parseInt(tokens[1]));
            }
            case "halt" -> new SltRecord.Halt(headerLine, conditions);
            default -> throw new IllegalArgumentException(fileName + ":" + headerLine + ": unknown record type '" + tokens[0] + "'");
        };
    }

    private static SltRecord parseStatement(String fileName, int line, List<Condition> conditions, String headerText,
            String[] tokens, List<String> sqlLines) {
        require(tokens.length >= 2, fileName, line, "statement needs 'ok' or 'error'");
        require(!sqlLines.isEmpty(), fileName, line, "statement without SQL");
        String sql = String.join("\n", sqlLines);
        return switch (tokens[1]) {
            case "ok" -> new SltRecord.Statement(line, conditions, false, null, sql);
            case "error" -> {
                // DuckDB's extension: the rest of the header line is text the error message must contain.
                int at = headerText.indexOf("error") + "error".length();
                String text = headerText.substring(at).strip();
                yield new SltRecord.Statement(line, conditions, true, text.isEmpty() ? null : text, sql);
            }
            default -> throw new IllegalArgumentException(fileName + ":" + line + ": statement must be 'ok' or 'error', not '"
                    + tokens[1] + "'");
        };
    }

    private static SltRecord parseQuery(String fileName, int line, List<Condition> conditions, String[] tokens, List<String> rest) {
        require(tokens.length >= 2, fileName, line, "query needs a type string");
        String types = tokens[1];
        require(types.chars().allMatch(c -> c == 'I' || c == 'R' || c == 'T'), fileName, line,
                "type string '" + types + "' may only hold I, R and T");
        SortMode sortMode = tokens.length >= 3 ? sortMode(fileName, line, tokens[2]) : SortMode.NOSORT;
        String label = tokens.length >= 4 ? tokens[3] : null;
        int separator = rest.indexOf(RESULT_SEPARATOR);
        List<String> sqlLines = separator < 0 ? rest : rest.subList(0, separator);
        List<String> expected = separator < 0 ? List.of() : List.copyOf(rest.subList(separator + 1, rest.size()));
        require(!sqlLines.isEmpty(), fileName, line, "query without SQL");
        return new SltRecord.Query(line, conditions, types, sortMode, label, String.join("\n", sqlLines), expected);
    }

    private static SortMode sortMode(String fileName, int line, String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "nosort" -> SortMode.NOSORT;
            case "rowsort" -> SortMode.ROWSORT;
            case "valuesort" -> SortMode.VALUESORT;
            default -> throw new IllegalArgumentException(fileName + ":" + line + ": unknown sort mode '" + token + "'");
        };
    }

    private static String[] tokens(String line) {
        return line.strip().split("\\s+");
    }

    private static void require(boolean condition, String fileName, int line, String message) {
        if (!condition) {
            throw new IllegalArgumentException(fileName + ":" + line + ": " + message);
        }
    }
}
