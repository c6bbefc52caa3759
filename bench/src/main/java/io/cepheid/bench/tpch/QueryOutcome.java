package io.cepheid.bench.tpch;

import java.util.Objects;

/** What happened to one query: timed on both engines, or failed (an error, a wrong answer, a timeout). */
public sealed interface QueryOutcome permits QueryOutcome.Passed, QueryOutcome.Failed {
    /** The query's name, {@code q01} to {@code q22}. */
    String query();

    /** Both engines answered correctly; the medians of the timed runs in milliseconds. */
    record Passed(String query, double cepheidMillis, double duckDbMillis) implements QueryOutcome {
        public Passed {
            Objects.requireNonNull(query, "query is null");
            if (!(cepheidMillis > 0 && duckDbMillis > 0)) {
                throw new IllegalArgumentException("timings must be positive: " + cepheidMillis + ", " + duckDbMillis);
            }
        }

        /** Cepheid's time over DuckDB's: above 1 means Cepheid is slower. */
        public double ratio() {
            return cepheidMillis / duckDbMillis;
        }
    }

    /** The query was not timed; {@code reason} says which engine failed and how. */
    record Failed(String query, String reason) implements QueryOutcome {
        public Failed {
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(reason, "reason is null");
        }
    }
}
