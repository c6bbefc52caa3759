package io.cepheid.bench.tpch;

import java.util.List;
import java.util.Locale;

/**
 * The result table, {@code query | Cepheid ms | DuckDB ms | ratio}, failed queries with their reason,
 * and last the line {@code geomean ratio cepheid/duckdb: X.XX} over the queries that passed on both.
 */
public final class BenchmarkReport {
    /** Reasons are cut here so that one wrong answer with a long row does not flood the table. */
    private static final int MAX_REASON_LENGTH = 160;

    private BenchmarkReport() {
    }

    /** Formats {@code outcomes} in their order; the text ends with a newline. */
    public static String format(List<QueryOutcome> outcomes) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-5s | %10s | %10s | %7s%n", "query", "Cepheid ms", "DuckDB ms", "ratio"));
        text.append("------+------------+------------+--------").append(System.lineSeparator());
        for (QueryOutcome outcome : outcomes) {
            switch (outcome) {
                case QueryOutcome.Passed passed -> text.append(String.format(Locale.ROOT, "%-5s | %10.1f | %10.1f | %7.2f%n",
                        passed.query(), passed.cepheidMillis(), passed.duckDbMillis(), passed.ratio()));
                case QueryOutcome.Failed failed -> text.append(String.format(Locale.ROOT, "%-5s | FAILED: %s%n",
                        failed.query(), shortened(failed.reason())));
            }
        }
        long passed = outcomes.stream().filter(outcome -> outcome instanceof QueryOutcome.Passed).count();
        text.append(String.format(Locale.ROOT, "%d of %d queries passed on both engines%n", passed, outcomes.size()));
        double geomean = geometricMeanRatio(outcomes);
        text.append(Double.isNaN(geomean)
                ? String.format("geomean ratio cepheid/duckdb: n/a%n")
                : String.format(Locale.ROOT, "geomean ratio cepheid/duckdb: %.2f%n", geomean));
        return text.toString();
    }

    /** exp(mean(ln(ratio))) over the passed queries; NaN when none passed. */
    static double geometricMeanRatio(List<QueryOutcome> outcomes) {
        double logSum = 0;
        int count = 0;
        for (QueryOutcome outcome : outcomes) {
            switch (outcome) {
                case QueryOutcome.Passed passed -> {
                    logSum += Math.log(passed.ratio());
                    count++;
                }
                case QueryOutcome.Failed failed -> {
                    // not timed, so not part of the mean
                }
            }
        }
        return count == 0 ? Double.NaN : Math.exp(logSum / count);
    }

    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
