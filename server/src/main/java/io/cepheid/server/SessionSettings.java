package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A session's settings, changed with {@code SET name = value} / {@code SET name TO value} and
 * {@code RESET name}: {@code search_path} (the schema unqualified names resolve in) and
 * {@code query_memory_limit} (per-query memory budget: bytes, or with kB/MB/GB) and {@code statement_timeout}
 * (milliseconds, or with ms/s/min/h/d; 0 = no limit; see {@link StatementTimeout}). Other names are kept,
 * as PostgreSQL clients set many (application_name, extra_float_digits, ...).
 */
final class SessionSettings {
    private final long defaultMemoryLimit;
    private final Map<String, String> values = new HashMap<>();
    private String searchSchema = "public";
    private long queryMemoryLimit;
    private long statementTimeoutMillis;

    SessionSettings(long defaultMemoryLimit) {
        this.defaultMemoryLimit = defaultMemoryLimit;
        this.queryMemoryLimit = defaultMemoryLimit;
    }

    String searchSchema() {
        return searchSchema;
    }

    long queryMemoryLimit() {
        return queryMemoryLimit;
    }

    /** How long a statement may run before it is cancelled with SQLSTATE 57014; 0 = no limit. */
    long statementTimeoutMillis() {
        return statementTimeoutMillis;
    }

    void apply(SqlSetOption set) {
        String name = set.getName().toString().toLowerCase(Locale.ROOT);
        SqlNode valueNode = set.getValue();
        if (valueNode == null) {
            reset(name);
            return;
        }
        String value = switch (valueNode) {
            case SqlLiteral literal -> literal.toValue();
            case SqlIdentifier identifier -> identifier.toString().toLowerCase(Locale.ROOT);
            default -> valueNode.toString();
        };
        if (value == null) {
            reset(name);
            return;
        }
        switch (name) {
            case "search_path" -> searchSchema = firstSchema(value);
            case "query_memory_limit" -> queryMemoryLimit = MemorySize.parse(value);
            case "statement_timeout" -> statementTimeoutMillis = StatementTimeout.parseMillis(value);
            default -> values.put(name, value);
        }
    }

    private void reset(String name) {
        switch (name) {
            case "search_path" -> searchSchema = "public";
            case "query_memory_limit" -> queryMemoryLimit = defaultMemoryLimit;
            case "statement_timeout" -> statementTimeoutMillis = 0;
            case "all" -> {
                searchSchema = "public";
                queryMemoryLimit = defaultMemoryLimit;
                statementTimeoutMillis = 0;
                values.clear();
            }
            default -> values.remove(name);
        }
    }

    /** {@code search_path} may list several schemas ({@code "$user", public}): the first real one wins. */
    private static String firstSchema(String path) {
        for (String part : path.split(",")) {
            String schema = part.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!schema.isEmpty() && !schema.equals("$user")) {
                return schema;
            }
        }
        throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "search_path names no schema: " + path);
    }
}
