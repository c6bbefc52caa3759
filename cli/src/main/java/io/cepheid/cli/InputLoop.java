package io.cepheid.cli;

import java.io.PrintStream;
import java.sql.SQLException;

/**
 * Reads lines, runs backslash commands typed at the start of a statement, and runs each statement once its
 * {@code ;} arrives (statements may span lines). Interactive use reports errors and goes on; a script
 * ({@code -c}, {@code -f}, piped input) stops at the first error, exit status 1, and runs a last statement
 * that lacks its semicolon.
 */
public final class InputLoop {
    static final String PROMPT = "cepheid=> ";
    static final String CONTINUATION_PROMPT = "cepheid-> ";

    private final LineSource lines;
    private final StatementRunner runner;
    private final MetaCommands metaCommands;
    private final PrintStream err;
    private final boolean script;

    public InputLoop(LineSource lines, StatementRunner runner, MetaCommands metaCommands, PrintStream err, boolean script) {
        this.lines = lines;
        this.runner = runner;
        this.metaCommands = metaCommands;
        this.err = err;
        this.script = script;
    }

    /** Runs to the end of input or {@code \q}; returns the exit status. */
    public int run() {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            String line;
            try {
                line = lines.readLine(buffer.isEmpty() ? PROMPT : CONTINUATION_PROMPT);
            } catch (LineSource.Interrupted e) {
                buffer.setLength(0);
                continue;
            }
            if (line == null) {
                break;
            }
            if (buffer.isEmpty() && MetaCommands.isMetaCommand(line)) {
                try {
                    if (metaCommands.run(line) == MetaCommands.Outcome.QUIT) {
                        return 0;
                    }
                } catch (SQLException e) {
                    if (failed(e)) {
                        return 1;
                    }
                }
                continue;
            }
            buffer.append(line).append('\n');
            StatementSplitter.Split split = StatementSplitter.split(buffer.toString());
            buffer.setLength(0);
            if (StatementSplitter.hasContent(split.remainder())) {
                buffer.append(split.remainder());
            }
            for (String statement : split.statements()) {
                if (!runStatement(statement)) {
                    return 1;
                }
            }
        }
        if (script && StatementSplitter.hasContent(buffer.toString()) && !runStatement(StatementSplitter.stripLeadingComments(buffer.toString()).strip())) {
            return 1;
        }
        return 0;
    }

    /** Runs one statement; false when it failed and the loop must stop. */
    private boolean runStatement(String sql) {
        try {
            runner.run(sql);
            return true;
        } catch (SQLException e) {
            return !failed(e);
        }
    }

    /** Prints the error; true when that ends the run. */
    private boolean failed(SQLException e) {
        err.println(StatementRunner.errorLine(e));
        return script;
    }
}
