package io.cepheid.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The TPC-H DDL of {@code tpch/schema.sql} (Redshift style), as statements for Cepheid and, with the
 * Redshift-only clauses removed, for DuckDB: one schema for both engines, so their column types agree.
 */
public final class SchemaScript {
    private SchemaScript() {
    }

    /** The CREATE TABLE statements as written, for Cepheid. */
    public static List<String> redshift() {
        return statements(resource());
    }

    /**
     * The same statements without DISTSTYLE, DISTKEY, SORTKEY and ENCODE, which DuckDB does not know, and
     * without PRIMARY KEY, which DuckDB enforces with an index (slower loads; its own dbgen schema has none).
     */
    public static List<String> duckDb() {
        List<String> statements = new ArrayList<>();
        for (String statement : redshift()) {
            statements.add(withoutRedshiftClauses(statement));
        }
        return statements;
    }

    static String withoutRedshiftClauses(String statement) {
        return statement
                .replaceAll("(?i)\\s+DISTSTYLE\\s+\\w+", "")
                .replaceAll("(?i)\\s+ENCODE\\s+\\w+", "")
                .replaceAll("(?i)\\s+(DISTKEY|SORTKEY)\\b", "")
                .replaceAll("(?i),\\s*PRIMARY\\s+KEY\\s*\\([^)]*\\)", "");
    }

    /** Splits a script on semicolons after dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static String resource() {
        try (InputStream in = SchemaScript.class.getResourceAsStream("/tpch/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("tpch/schema.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
