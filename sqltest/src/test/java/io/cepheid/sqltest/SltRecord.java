package io.cepheid.sqltest;

import java.util.List;

/** One record of a sqllogictest file (see shared/testdata/sqllogictest/FORMAT.md), with the line it starts on. */
sealed interface SltRecord {
    int line();

    /** The skipif/onlyif lines in front of the record. */
    List<Condition> conditions();

    /** Whether an engine called {@code engineName} runs this record. */
    default boolean runsOn(String engineName) {
        for (Condition condition : conditions()) {
            if (condition.skips(engineName)) {
                return false;
            }
        }
        return true;
    }

    /** {@code skipif X} (onlyIf false) or {@code onlyif X} (onlyIf true). */
    record Condition(boolean onlyIf, String engine) {
        boolean skips(String engineName) {
            return onlyIf != engine.equalsIgnoreCase(engineName);
        }
    }

    /**
     * {@code statement ok} or {@code statement error [text]}: with expectError, the SQL must fail, and when
     * {@code errorText} is not null (DuckDB's extension) its message must contain that text.
     */
    record Statement(int line, List<Condition> conditions, boolean expectError, String errorText, String sql)
            implements SltRecord {
    }

    /**
     * {@code query <types> [sort [label]]}: the SQL, and the expected lines after {@code ----} (empty when the
     * record has none, which means an empty result).
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sortMode, String label, String sql,
            List<String> expected) implements SltRecord {
    }

    /** {@code hash-threshold N}: results with more than N values are compared as an MD5 hash (0 = never). */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
    }

    /** {@code halt}: stop reading the file here. */
    record Halt(int line, List<Condition> conditions) implements SltRecord {
    }

    /** How a query's rendered values are ordered before comparing. */
    enum SortMode {
        NOSORT, ROWSORT, VALUESORT
    }
}
