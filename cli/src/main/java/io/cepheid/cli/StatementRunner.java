package io.cepheid.cli;

import io.cepheid.jdbc.CepheidStatement;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs one SQL statement on the connection and prints what it produced: the rows in the chosen format, or
 * PostgreSQL's command tag ({@code CREATE TABLE}, {@code INSERT 0 3}), then {@code Time: ... ms} when timing is on.
 */
public final class StatementRunner {
    private final Connection connection;
    private final OutputFormat format;
    private final PrintStream out;
    private boolean timing;
    /** The statement running now, for {@link #cancel()} from the terminal's signal thread. */
    private volatile Statement running;

    public StatementRunner(Connection connection, OutputFormat format, PrintStream out) {
        this.connection = connection;
        this.format = format;
        this.out = out;
    }

    public void run(String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    print(rows);
                }
            } else {
                out.println(commandTag(statement));
            }
        } finally {
            running = null;
        }
        if (timing) {
            out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
        }
    }

    /** Asks the running statement, if any, to stop (Ctrl-C); it then fails with SQLSTATE 57014. */
    public void cancel() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished or closed meanwhile: nothing left to cancel
            }
        }
    }

    /** Prints rows a meta-command already read, in the session's format. */
    void print(ResultTable table) {
        switch (format) {
            case ALIGNED -> TablePrinter.print(table, out);
            case CSV -> CsvPrinter.print(table, out);
        }
    }

    private void print(ResultSet rows) throws SQLException {
        switch (format) {
            case ALIGNED -> TablePrinter.print(ResultTable.read(rows), out);
            case CSV -> CsvPrinter.print(rows, out);
        }
    }

    /** The engine's command tag; for a foreign driver, a tag built from the update count. */
    private static String commandTag(Statement statement) throws SQLException {
        if (statement.isWrapperFor(CepheidStatement.class)) {
            String tag = statement.unwrap(CepheidStatement.class).commandTag();
            if (tag != null) {
                return tag;
            }
        }
        long count = statement.getLargeUpdateCount();
        return count >= 0 ? "OK " + count : "OK";
    }

    /** psql's form of an error, with the SQLSTATE as {@code \set VERBOSITY verbose} shows it. */
    public static String errorLine(SQLException error) {
        String state = error.getSQLState();
        return "ERROR:  " + (state == null ? "" : state + ": ") + error.getMessage();
    }

    public boolean timing() {
        return timing;
    }

    public void setTiming(boolean timing) {
        this.timing = timing;
    }

    OutputFormat format() {
        return format;
    }

    Connection connection() {
        return connection;
    }

    PrintStream out() {
        return out;
    }
}
