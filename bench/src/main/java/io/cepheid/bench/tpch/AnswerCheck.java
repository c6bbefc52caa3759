package io.cepheid.bench.tpch;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Checks one query before it is timed: Cepheid's result against DuckDB's and, at scale factor 1, against
 * the published answer file. Any failure is returned as a reason, never thrown, so the run goes on.
 */
public final class AnswerCheck {
    /*
     * The answer files come from DuckDB's dbgen, whose free-text columns differ from what io.trino.tpch (and
     * the dbgen files in testdata/tpch/data) generate; keys, numbers and names agree. Those columns are left
     * out of the answer-file check, and q13, whose counts depend on o_comment, is checked against DuckDB only
     * (same data). The comparison with DuckDB always covers every column.
     */
    private static final Map<String, Set<String>> DIFFERENTLY_GENERATED_COLUMNS = Map.of(
            "q02", Set.of("s_address", "s_comment"),
            "q10", Set.of("c_address", "c_comment"),
            "q15", Set.of("s_address"),
            "q20", Set.of("s_address"));
    private static final Set<String> TEXT_DEPENDENT_ANSWERS = Set.of("q13");

    private final QueryExecution execution;
    private final boolean scaleFactorOne;

    public AnswerCheck(QueryExecution execution, double scaleFactor) {
        this.execution = execution;
        this.scaleFactorOne = scaleFactor == 1.0;
    }

    /** Returns null when both engines answer {@code query} and Cepheid's answer is right, else why not. */
    public String failure(TpchQuery query, EngineSession cepheid, EngineSession duckDb) {
        ResultTable reference;
        try {
            reference = execution.fetch(duckDb.connection(), query.sql());
        } catch (SQLException | RuntimeException e) {
            return errorOn(duckDb, query, e);
        }
        ResultTable actual;
        try {
            actual = execution.fetch(cepheid.connection(), query.sql());
        } catch (SQLException | RuntimeException e) {
            return errorOn(cepheid, query, e);
        }
        String difference = ResultComparison.difference(reference, actual);
        if (difference != null) {
            return "differs from DuckDB: " + difference;
        }
        if (scaleFactorOne && Files.exists(query.answerFile()) && !TEXT_DEPENDENT_ANSWERS.contains(query.name())) {
            Set<String> dropped = DIFFERENTLY_GENERATED_COLUMNS.getOrDefault(query.name(), Set.of());
            difference = ResultComparison.difference(ResultTable.readAnswerFile(query.answerFile()).without(dropped),
                    actual.without(dropped));
            if (difference != null) {
                return "differs from answers/sf1: " + difference;
            }
        }
        return null;
    }

    /**
     * The reason for a failed run, {@code "Cepheid error: ..."}; after a timeout the session moves to a new
     * connection first, so the next query does not queue behind the abandoned one.
     */
    static String errorOn(EngineSession session, TpchQuery query, Exception e) {
        if (e instanceof QueryExecution.QueryTimeout timeout) {
            try {
                session.abandonAfter(timeout, query.name());
            } catch (SQLException reconnect) {
                throw new IllegalStateException("cannot reconnect to " + session.name() + " after a timeout", reconnect);
            }
        }
        return session.name() + " error: " + message(e);
    }

    /** The exception's message on one line; its class name where it has none. */
    static String message(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return text.replaceAll("\\s+", " ").strip();
    }
}
