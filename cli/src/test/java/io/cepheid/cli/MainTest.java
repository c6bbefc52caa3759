package io.cepheid.cli;

import io.cepheid.jdbc.CepheidDriver;
import io.cepheid.jdbc.EngineOpener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command end to end: arguments, the real JDBC driver over a {@link FakeWarehouse}, captured output. */
class MainTest {
    private static final String CREATE = "CREATE TABLE t (id INTEGER, name VARCHAR(10), price DECIMAL(6,2))";
    private static final String INSERT = "INSERT INTO t VALUES (1, 'pen', 1.50), (2, 'ink, \"blue\"', 12.00), (3, NULL, NULL)";
    private static final String SELECT = "SELECT id, name, price FROM t ORDER BY id";

    private final FakeWarehouse warehouse = new FakeWarehouse();
    private final List<String> locations = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private EngineOpener previous;

    @BeforeEach
    void plugIn() {
        previous = CepheidDriver.setEngineOpenerForTests((location, properties) -> {
            locations.add(location);
            return warehouse;
        });
    }

    @AfterEach
    void restore() {
        CepheidDriver.setEngineOpenerForTests(previous);
    }

    private int run(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dashCRunsEachStatementAndPrintsTagsAndAlignedTables() {
        int status = run("", "-c", CREATE + ";\n" + INSERT + "; " + SELECT, "jdbc:cepheid:mem:x");
        assertEquals(0, status, err());
        assertEquals("""
                CREATE TABLE
                INSERT 0 3
                 id |    name     | price
                ----+-------------+-------
                  1 | pen         |  1.50
                  2 | ink, "blue" | 12.00
                  3 |             |
                (3 rows)

                """, out());
        assertEquals(List.of("mem:x"), locations);
        assertEquals(List.of(CREATE, INSERT, SELECT), warehouse.executed);
    }

    @Test
    void csvQuotesFieldsAndLeavesNullEmpty() {
        assertEquals(0, run("", "--csv", "-c", SELECT));
        assertEquals("id,name,price\n1,pen,1.50\n2,\"ink, \"\"blue\"\"\",12.00\n3,,\n", out());
    }

    @Test
    void defaultUrlIsTheWarehouseInTheWorkingDirectory() {
        assertEquals(0, run("", "-c", "SELECT 1 AS one"));
        assertEquals(List.of("file:./cepheid-data"), locations);
        assertEquals(" one\n-----\n   1\n(1 row)\n\n", out());
    }

    @Test
    void firstErrorGoesToStderrWithSqlStateAndStopsWithStatusOne() {
        int status = run("", "-c", CREATE + "; SELECT * FROM missing; " + SELECT);
        assertEquals(1, status);
        assertEquals("CREATE TABLE\n", out());
        assertEquals("ERROR:  42P01: relation \"x\" does not exist\n", err());
        assertEquals(List.of(CREATE, "SELECT * FROM missing"), warehouse.executed);
    }

    @Test
    void fileRunsStatementsAcrossLinesWithCommentsAndSemicolonsInStrings(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("load.sql");
        Files.writeString(script, "-- set up; not a statement\n" + CREATE.replace(", name", ",\n  name") + ";\n\n"
                + "/* a; comment */\n" + INSERT + ";\n");
        assertEquals(0, run("", "-f", script.toString()), err());
        assertEquals("CREATE TABLE\nINSERT 0 3\n", out());
        assertEquals(List.of(CREATE.replace(", name", ",\n  name"), INSERT), warehouse.executed, "leading comments are dropped");
    }

    @Test
    void pipedInputRunsLikeAScriptIncludingBackslashCommands() {
        assertEquals(0, run("\\timing on\nSELECT 1 AS one;\n"));
        String printed = out();
        assertTrue(printed.startsWith("Timing is on.\n one\n-----\n   1\n(1 row)\n\nTime: "), printed);
        assertTrue(printed.matches("(?s).*Time: \\d+\\.\\d{3} ms\n"), printed);
    }

    @Test
    void backslashDListsRelationsWithOwner() {
        assertEquals(0, run("", "-c", "\\d", "jdbc:cepheid:mem:", "--csv"));
        String user = System.getProperty("user.name");
        assertEquals("Schema,Name,Type,Owner\npublic,sales,table," + user + "\npublic,sales_view,view," + user + "\n", out());
    }

    @Test
    void backslashDNameDescribesColumnsFromPgTableDef() {
        assertEquals(0, run("", "-c", "\\d public.sales"), err());
        assertEquals("""
                                          Table "public.sales"
                 Column |         Type          | Encoding | Distkey | Sortkey | Notnull
                --------+-----------------------+----------+---------+---------+---------
                 id     | bigint                | az64     | t       |       1 | t
                 region | character varying(16) | bytedict | f       |       0 | f
                (2 rows)

                """, out());
        assertEquals(List.of("sales", "public"), warehouse.parameters.getLast());
        assertTrue(warehouse.executed.getLast().endsWith("WHERE tablename = ? AND schemaname = ?"));
    }

    @Test
    void unknownRelationsAndCommandsAreReported() {
        warehouse.noTables = true;
        assertEquals(0, run("", "-c", "\\d"));
        assertEquals("Did not find any relations.\n", out());
        assertEquals(0, run("", "-c", "\\d nothing"));
        assertEquals("Did not find any relation named \"nothing\".\n", err());
        assertEquals(0, run("", "-c", "\\bogus"));
        assertTrue(err().contains("invalid command \\bogus"));
    }

    @Test
    void quitStopsBeforeLaterStatements() {
        assertEquals(0, run("\\q\nSELECT 1 AS one;\n"));
        assertEquals(List.of(), warehouse.executed);
    }

    @Test
    void lastStatementWithoutSemicolonStillRunsInScripts() {
        assertEquals(0, run("SELECT 1 AS one"));
        assertEquals(List.of("SELECT 1 AS one"), warehouse.executed);
    }

    @Test
    void connectionFailuresAndBadArgumentsExitWithStatusTwo() {
        assertEquals(2, run("", "-c", "SELECT 1", "jdbc:cepheid://host:5439/dev"));
        assertTrue(err().startsWith("cepheid: cannot connect to jdbc:cepheid://host:5439/dev: remote Cepheid connections"), err());
        assertEquals(2, run("", "-c", "SELECT 1", "-f", "x.sql"));
        assertEquals(2, run("", "--no-such-option"));
    }
}
