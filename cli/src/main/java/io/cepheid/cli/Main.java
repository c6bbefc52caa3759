package io.cepheid.cli;

import io.cepheid.jdbc.CepheidDriver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code cepheid} command: {@code cepheid [--csv] [-c SQL | -f FILE] [jdbc-url]}. With {@code -c} or
 * {@code -f} it runs the statements and exits (0, or 1 at the first error); piped input is run the same way;
 * on a terminal it opens the interactive console. The default URL is an embedded warehouse in ./cepheid-data.
 */
@Command(name = "cepheid", mixinStandardHelpOptions = true, version = "cepheid " + CepheidDriver.VERSION,
        description = "Cepheid's SQL console.")
public final class Main implements Callable<Integer> {
    public static final String DEFAULT_URL = "jdbc:cepheid:file:./cepheid-data";
    /** psql's exit status when it cannot connect. */
    static final int CONNECTION_FAILED = 2;

    @Option(names = "--csv", description = "print query results as CSV with a header row")
    boolean csv;

    @Option(names = "-c", paramLabel = "SQL", description = "run these statements and exit")
    String command;

    @Option(names = "-f", paramLabel = "FILE", description = "run the statements in FILE and exit")
    Path file;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JDBC-URL", defaultValue = DEFAULT_URL,
            description = "where to connect (default: ${DEFAULT-VALUE})")
    String url;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    Main(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        quietEngineLogging();
        boolean terminal = System.console() != null && System.console().isTerminal();
        System.exit(run(args, System.in, System.out, System.err, terminal));
    }

    /**
     * The engine logs at INFO which SIMD kernels it chose; in a console that is noise between a user's results,
     * so only warnings reach stderr, unless the user configured java.util.logging themselves.
     */
    private static void quietEngineLogging() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }

    /** Runs the command with the given streams; {@code terminal} says whether to open the interactive console. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        CommandLine commandLine = new CommandLine(new Main(in, out, err, terminal));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        if (command != null && file != null) {
            err.println("cepheid: -c and -f cannot be used together");
            return CommandLine.ExitCode.USAGE;
        }
        String script;
        try {
            script = command != null ? command
                    : file != null ? Files.readString(file)
                    : terminal ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cepheid: cannot read " + (file != null ? file : "standard input") + ": " + e.getMessage());
            return 1;
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            err.println("cepheid: cannot connect to " + url + ": " + e.getMessage());
            return CONNECTION_FAILED;
        }
        try (connection) {
            StatementRunner runner = new StatementRunner(connection, csv ? OutputFormat.CSV : OutputFormat.ALIGNED, out);
            MetaCommands metaCommands = new MetaCommands(runner, err);
            if (script != null) {
                return new InputLoop(LineSource.of(script), runner, metaCommands, err, true).run();
            }
            Path history = Path.of(System.getProperty("user.home"), ".cepheid_history");
            try (JLineSource lines = new JLineSource(history, runner::cancel)) {
                out.println("cepheid " + CepheidDriver.VERSION + " (" + url + "). Type \\? for help, \\q to quit.");
                return new InputLoop(lines, runner, metaCommands, err, false).run();
            }
        } catch (SQLException e) {
            err.println(StatementRunner.errorLine(e));
            return 1;
        }
    }
}
