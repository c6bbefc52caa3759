package io.cepheid.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's backslash commands: {@code \d} (list tables, from information_schema), {@code \d name}
 * (a table's columns with Redshift's encoding, distkey, sortkey and notnull, from {@code pg_table_def}),
 * {@code \timing}, {@code \?} and {@code \q}.
 */
public final class MetaCommands {
    /** What the console does after a command. */
    public enum Outcome {
        CONTINUE,
        QUIT
    }

    private static final String HELP = """
            General
              \\q                 quit
              \\?                 show this help
              \\timing [on|off]   toggle printing how long each statement takes
            Informational
              \\d                 list tables and views
              \\d NAME            describe table NAME (columns, types, encoding, distkey, sortkey, not null)
            SQL statements end with ';' and may span several lines.""";

    private final StatementRunner runner;
    private final PrintStream err;

    public MetaCommands(StatementRunner runner, PrintStream err) {
        this.runner = runner;
        this.err = err;
    }

    public static boolean isMetaCommand(String line) {
        return line.stripLeading().startsWith("\\");
    }

    public Outcome run(String line) throws SQLException {
        String[] words = line.strip().split("\\s+");
        PrintStream out = runner.out();
        switch (words[0]) {
            case "\\q" -> {
                return Outcome.QUIT;
            }
            case "\\?" -> out.println(HELP);
            case "\\timing" -> {
                boolean on = words.length > 1 ? parseSwitch(words[1], runner.timing()) : !runner.timing();
                runner.setTiming(on);
                out.println(on ? "Timing is on." : "Timing is off.");
            }
            case "\\d" -> {
                if (words.length == 1) {
                    listRelations(out);
                } else {
                    describe(words[1], out);
                }
            }
            default -> err.println("invalid command " + words[0] + "\nTry \\? for help.");
        }
        return Outcome.CONTINUE;
    }

    private boolean parseSwitch(String word, boolean current) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> {
                err.println("unrecognized value \"" + word + "\" for \"\\timing\": on or off expected");
                yield current;
            }
        };
    }

    private void listRelations(PrintStream out) throws SQLException {
        Connection connection = runner.connection();
        String owner = connection.getMetaData().getUserName();
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_schema, table_name, table_type FROM information_schema.tables"
                        + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema, table_name");
             ResultSet tables = query.executeQuery()) {
            while (tables.next()) {
                String type = "VIEW".equalsIgnoreCase(tables.getString(3)) ? "view" : "table";
                rows.add(new String[] {tables.getString(1), tables.getString(2), type, owner});
            }
        }
        if (rows.isEmpty()) {
            out.println("Did not find any relations.");
            return;
        }
        ResultTable table = new ResultTable(List.of("Schema", "Name", "Type", "Owner"), List.of(false, false, false, false), rows);
        printWithTitle(table, "List of relations", out);
    }

    private void describe(String name, PrintStream out) throws SQLException {
        String unquoted = name.replace("\"", "");
        int dot = unquoted.lastIndexOf('.');
        String schema = dot < 0 ? null : unquoted.substring(0, dot);
        String table = dot < 0 ? unquoted : unquoted.substring(dot + 1);
        String sql = "SELECT \"column\", type, encoding, distkey, sortkey, notnull FROM pg_table_def WHERE tablename = ?"
                + (schema == null ? "" : " AND schemaname = ?");
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = runner.connection().prepareStatement(sql)) {
            query.setString(1, table);
            if (schema != null) {
                query.setString(2, schema);
            }
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    String[] row = new String[6];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = columns.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            err.println("Did not find any relation named \"" + name + "\".");
            return;
        }
        ResultTable columns = new ResultTable(List.of("Column", "Type", "Encoding", "Distkey", "Sortkey", "Notnull"),
                List.of(false, false, false, false, true, false), rows);
        printWithTitle(columns, "Table \"" + unquoted + "\"", out);
    }

    private void printWithTitle(ResultTable table, String title, PrintStream out) {
        if (runner.format() == OutputFormat.ALIGNED) {
            TablePrinter.print(table, title, out);
        } else {
            runner.print(table);
        }
    }
}
