package io.cepheid.server;

import java.util.List;

/** What executing one SQL statement produced. */
public sealed interface StatementResult extends AutoCloseable {
    /** PostgreSQL's command tag: "SELECT 3", "INSERT 0 5", "CREATE TABLE", "COPY 100", ... */
    String commandTag();

    /** Releases what the result holds (for rows: stops the query). */
    @Override
    void close();

    /** A query's rows. */
    record Rows(List<ResultColumn> columns, ResultCursor cursor, String commandTag) implements StatementResult {
        @Override
        public void close() {
            cursor.close();
        }
    }

    /** A statement that changed rows (INSERT, COPY, CREATE TABLE AS): {@code count} rows. */
    record UpdateCount(long count, String commandTag) implements StatementResult {
        @Override
        public void close() {
        }
    }

    /** A statement with no rows and no count (CREATE, DROP, SET). */
    record Done(String commandTag) implements StatementResult {
        @Override
        public void close() {
        }
    }
}
