package io.cepheid.bench.tpch;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TPC-H side by side with DuckDB: generates the data (or reuses it), loads it into both engines with the
 * same thread count, checks every query's answer, times the queries that pass and prints the report.
 * Run it from the project root (it finds {@code ../shared/testdata}); see docs/PERFORMANCE.md.
 */
public final class TpchBenchmark {
    private TpchBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        List<TpchQuery> queries = TpchQuery.load(SharedTestdata.tpch(), options.queries());
        TpchDataFiles files = TpchDataFiles.prepare(options.workDirectory(), options.scaleFactor());
        List<QueryOutcome> outcomes = new ArrayList<>();
        try (EngineSession cepheid = EngineSession.load(new CepheidEngine(), files, options.threads());
             EngineSession duckDb = EngineSession.load(new DuckDbEngine(), files, options.threads());
             QueryExecution execution = new QueryExecution(options.timeoutSeconds())) {
            AnswerCheck check = new AnswerCheck(execution, options.scaleFactor());
            QueryTimer timer = new QueryTimer(execution, options.warmups(), options.runs());
            for (TpchQuery query : queries) {
                String failure = check.failure(query, cepheid, duckDb);
                QueryOutcome outcome = failure == null
                        ? timer.time(query, cepheid, duckDb)
                        : new QueryOutcome.Failed(query.name(), failure);
                System.out.println(progressLine(outcome));
                outcomes.add(outcome);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "TPC-H scale factor %s, %d threads, %d warm-up and %d timed runs per query (median)%n",
                TpchDataFiles.scaleFactorName(options.scaleFactor()), options.threads(), options.warmups(), options.runs());
        System.out.print(BenchmarkReport.format(outcomes));
        // an abandoned query or an engine's worker pool may hold non-daemon threads
        System.exit(0);
    }

    private static String progressLine(QueryOutcome outcome) {
        return switch (outcome) {
            case QueryOutcome.Passed passed -> String.format(Locale.ROOT, "%s: %.1f ms / %.1f ms",
                    passed.query(), passed.cepheidMillis(), passed.duckDbMillis());
            case QueryOutcome.Failed failed -> failed.query() + ": FAILED: " + failed.reason();
        };
    }
}
