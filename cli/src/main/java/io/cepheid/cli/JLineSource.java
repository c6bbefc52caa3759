package io.cepheid.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Terminal input through JLine: line editing, and history kept in a file across sessions. Ctrl-C at the
 * prompt drops the line; Ctrl-C while a statement runs calls {@code onInterrupt} (which cancels it).
 */
public final class JLineSource implements LineSource, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    public JLineSource(Path historyFile, Runnable onInterrupt) {
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        // SQL quotes and backslashes are the console's business (StatementSplitter), not JLine's.
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null);
        parser.setEofOnUnclosedQuote(false);
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("cepheid")
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the console history", e);
        }
    }
}
