package io.cepheid.bench.tpch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The harness's command-line settings: scale factor, where the generated data lives, threads per engine,
 * warm-up and measured runs per query, a per-query timeout, and which of the 22 queries to run.
 */
public record BenchmarkOptions(
        double scaleFactor,
        Path workDirectory,
        int threads,
        int warmups,
        int runs,
        int timeoutSeconds,
        List<Integer> queries) {

    public static final String USAGE = """
            usage: TpchBenchmark [--scale N] [--work DIR] [--threads N] [--warmups N] [--runs N]
                                 [--timeout SECONDS] [--queries 1,3,6]
              --scale     TPC-H scale factor (default 1)
              --work      directory for the generated .tbl files (default ./target/tpch-data)
              --threads   threads for both engines: DuckDB's threads, Cepheid's slices (default: cores)
              --warmups   untimed runs per engine and query after the answer check (default 1)
              --runs      timed runs per engine and query; the median is reported (default 5)
              --timeout   seconds one query may run before it counts as failed (default 600)
              --queries   comma-separated query numbers (default: all 22)""";

    public BenchmarkOptions {
        Objects.requireNonNull(workDirectory, "workDirectory is null");
        queries = List.copyOf(queries);
        if (!(scaleFactor > 0)) {
            throw new IllegalArgumentException("--scale must be positive: " + scaleFactor);
        }
        if (threads < 1 || warmups < 0 || runs < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("--threads, --runs and --timeout must be at least 1, --warmups at least 0");
        }
        for (int query : queries) {
            if (query < 1 || query > 22) {
                throw new IllegalArgumentException("TPC-H has queries 1 to 22, not " + query);
            }
        }
    }

    /** Parses {@code args}; throws IllegalArgumentException with a readable message on a bad option. */
    public static BenchmarkOptions parse(String[] args) {
        double scaleFactor = 1;
        Path workDirectory = Path.of("target", "tpch-data");
        int threads = Runtime.getRuntime().availableProcessors();
        int warmups = 1;
        int runs = 5;
        int timeoutSeconds = 600;
        List<Integer> queries = allQueries();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--scale" -> scaleFactor = Double.parseDouble(value);
                    case "--work" -> workDirectory = Path.of(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                    case "--queries" -> queries = queryList(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number after " + option + ": " + value);
            }
        }
        return new BenchmarkOptions(scaleFactor, workDirectory, threads, warmups, runs, timeoutSeconds, queries);
    }

    private static List<Integer> allQueries() {
        List<Integer> all = new ArrayList<>();
        for (int query = 1; query <= 22; query++) {
            all.add(query);
        }
        return all;
    }

    private static List<Integer> queryList(String value) {
        List<Integer> queries = new ArrayList<>();
        for (String part : value.split(",")) {
            queries.add(Integer.parseInt(part.strip().replaceFirst("^[qQ]0*", "")));
        }
        return queries;
    }
}
