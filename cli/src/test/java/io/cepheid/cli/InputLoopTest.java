package io.cepheid.cli;

import io.cepheid.jdbc.CepheidDriver;
import io.cepheid.jdbc.EngineOpener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The interactive loop: prompts, statements over several lines, errors that do not end the session, Ctrl-C. */
class InputLoopTest {
    private final FakeWarehouse warehouse = new FakeWarehouse();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> prompts = new ArrayList<>();
    private EngineOpener previous;

    @BeforeEach
    void plugIn() {
        previous = CepheidDriver.setEngineOpenerForTests((location, properties) -> warehouse);
    }

    @AfterEach
    void restore() {
        CepheidDriver.setEngineOpenerForTests(previous);
    }

    /** Lines as typed; a null entry stands for Ctrl-C. */
    private int type(String... lines) throws SQLException {
        Iterator<String> typed = Arrays.asList(lines).iterator();
        LineSource source = prompt -> {
            prompts.add(prompt);
            if (!typed.hasNext()) {
                return null;
            }
            String line = typed.next();
            if (line == null) {
                throw new LineSource.Interrupted();
            }
            return line;
        };
        try (Connection connection = DriverManager.getConnection("jdbc:cepheid:mem:")) {
            PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
            StatementRunner runner = new StatementRunner(connection, OutputFormat.CSV, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new InputLoop(source, runner, new MetaCommands(runner, errors), errors, false).run();
        }
    }

    @Test
    void statementsSpanLinesAndPromptsShowContinuation() throws SQLException {
        assertEquals(0, type("SELECT 1", "AS one;"));
        assertEquals(List.of(InputLoop.PROMPT, InputLoop.CONTINUATION_PROMPT, InputLoop.PROMPT), prompts);
        assertEquals(List.of("SELECT 1\nAS one"), warehouse.executed);
        assertEquals("one\n1\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void errorsAreReportedAndTheSessionGoesOn() throws SQLException {
        assertEquals(0, type("SELECT nothing;", "SELECT 1 AS one;"));
        assertEquals("ERROR:  42P01: relation \"x\" does not exist\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("one\n1\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ctrlCDropsTheStatementBeingTyped() throws SQLException {
        assertEquals(0, type("SELECT nothing", null, "SELECT 1 AS one;"));
        assertEquals(List.of("SELECT 1 AS one"), warehouse.executed);
    }

    @Test
    void unterminatedInputIsNotRunAtEndOfInteractiveSession() throws SQLException {
        assertEquals(0, type("SELECT 1 AS one"));
        assertEquals(List.of(), warehouse.executed);
    }
}
