package io.cepheid.sqltest.tpch;

import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * TPC-H at scale factor 0.01: generates dbgen's rows (io.trino.tpch), loads them with COPY into tables
 * distributed as Redshift users do, and checks query answers against ../shared/testdata/tpch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchSf001Test {
    private static final double SCALE_FACTOR = 0.01;

    private Path dataDirectory;
    private Connection connection;

    @BeforeAll
    void load() throws SQLException, IOException {
        dataDirectory = Files.createTempDirectory("cepheid-tpch-");
        TpchDataGenerator.generate(SCALE_FACTOR, dataDirectory);
        connection = DriverManager.getConnection("jdbc:cepheid:mem:");
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements(resource("tpch/schema.sql"))) {
                statement.execute(ddl);
            }
            for (TpchTable<?> table : TpchTable.getTables()) {
                Path file = dataDirectory.resolve(TpchDataGenerator.fileName(table));
                statement.execute("COPY " + table.getTableName() + " FROM '" + file.toAbsolutePath() + "' DELIMITER '|'");
            }
        }
    }

    @AfterAll
    void close() throws SQLException, IOException {
        if (connection != null) {
            connection.close();
        }
        if (dataDirectory != null) {
            try (var files = Files.list(dataDirectory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dataDirectory);
        }
    }

    @Test
    void loadsEveryRow() throws SQLException {
        assertEquals(60_175, count("lineitem"));
        assertEquals(15_000, count("orders"));
        assertEquals(25, count("nation"));
    }

    /*
     * The answer files were computed by DuckDB's dbgen, whose free-text columns differ from the dbgen data in
     * testdata/tpch/data and from io.trino.tpch (both give Supplier#000000077's address as "wVtcr0uH3Cyr...",
     * the answer file "w5yO 0yjXou..."); every key, number and name agrees. So these columns are left out of
     * the comparison, and q13, whose counts depend on o_comment, is checked against Q13Reference instead.
     */
    private static final Map<String, Set<String>> DIFFERENTLY_GENERATED_COLUMNS = Map.of(
            "q02", Set.of("s_address", "s_comment"),
            "q10", Set.of("c_address", "c_comment"),
            "q15", Set.of("s_address"),
            "q20", Set.of("s_address"));

    @ParameterizedTest(name = "q{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22})
    void answersMatch(int query) throws SQLException, IOException {
        String name = String.format("q%02d", query);
        Set<String> dropped = DIFFERENTLY_GENERATED_COLUMNS.getOrDefault(name, Set.of());
        ExpectedAnswer expected = ExpectedAnswer.read(testdata().resolve("answers/sf0.01/" + name + ".csv")).without(dropped);
        List<List<String>> actual = run(name).stream()
                .map(row -> ExpectedAnswer.dropColumns(expectedColumns(name), row, dropped))
                .toList();
        assertNull(expected.difference(actual), name);
    }

    @Test
    void q13MatchesAReferenceComputedFromTheLoadedFiles() throws SQLException, IOException {
        ExpectedAnswer expected = Q13Reference.compute(dataDirectory.resolve("customer.tbl"), dataDirectory.resolve("orders.tbl"));
        assertNull(expected.difference(run("q13")), "q13");
    }

    private List<List<String>> run(String name) throws SQLException, IOException {
        String sql = Files.readString(testdata().resolve("queries/" + name + ".sql"));
        List<List<String>> actual = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet results = statement.executeQuery(sql.strip().replaceAll(";$", ""))) {
            int columns = results.getMetaData().getColumnCount();
            while (results.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(results.getString(c));
                }
                actual.add(row);
            }
        }
        return actual;
    }

    private static List<String> expectedColumns(String name) {
        return ExpectedAnswer.read(testdata().resolve("answers/sf0.01/" + name + ".csv")).columns();
    }

    private static Path testdata() {
        return SharedTestdata.root().resolve("tpch");
    }

    private long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet results = statement.executeQuery("SELECT count(*) FROM " + table)) {
            results.next();
            return results.getLong(1);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = TpchSf001Test.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a DDL script on semicolons after dropping {@code --} comment lines. */
    private static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
