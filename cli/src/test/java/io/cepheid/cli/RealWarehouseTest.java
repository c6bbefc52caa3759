package io.cepheid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's batch modes over the real engine on a {@code jdbc:cepheid:file:} warehouse in a temporary directory. */
class RealWarehouseTest {
    private static final String CREATE_SALES = """
            CREATE TABLE sales (
                salesid   INTEGER NOT NULL,
                sellerid  INTEGER NOT NULL DISTKEY,
                qtysold   SMALLINT NOT NULL ENCODE AZ64,
                pricepaid DECIMAL(8,2) ENCODE AZ64,
                saletime  TIMESTAMP SORTKEY,
                saledate  DATE,
                code      CHAR(4) ENCODE LZO,
                paid      BOOLEAN
            );
            """;
    private static final String SALES_ROWS = """
            1|10|3|12.50|2024-01-31 10:00:00|2024-01-31|ab|true
            2|10|1|7.05|2024-02-01 11:30:00.5|2024-02-01|x|false
            3|20|2|100|2024-02-02 00:00:00|2024-02-02||
            4|30|5||2024-03-01 09:15:00|2024-03-01|long|true
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String url() {
        return "jdbc:cepheid:file:" + directory.resolve("warehouse");
    }

    /** Runs the command with fresh output buffers; returns its exit status. */
    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Creates and loads the sales table through a script run with -f; returns the pipe file it loaded. */
    private Path loadSales() throws IOException {
        Path rows = Files.writeString(directory.resolve("sales.txt"), SALES_ROWS);
        Path script = Files.writeString(directory.resolve("load.sql"), CREATE_SALES
                + "COPY sales FROM '" + rows + "' DELIMITER '|';\n"
                + "CREATE TABLE sellers (sellerid INTEGER, name VARCHAR(20)) DISTSTYLE ALL;\n"
                + "INSERT INTO sellers VALUES (10, 'ann'), (20, 'bob'), (40, 'eve');\n");
        assertEquals(0, run("-f", script.toString(), url()), err());
        assertEquals("CREATE TABLE\nCOPY 4\nCREATE TABLE\nINSERT 0 3\n", out());
        return rows;
    }

    @Test
    void scriptLoadsAndQueriesPrintAsPsqlDoes() throws IOException {
        loadSales();
        assertEquals(0, run("-c", "SELECT * FROM sales ORDER BY salesid", url()), err());
        assertEquals("""
                 salesid | sellerid | qtysold | pricepaid |       saletime        |  saledate  | code | paid
                ---------+----------+---------+-----------+-----------------------+------------+------+------
                       1 |       10 |       3 |     12.50 | 2024-01-31 10:00:00   | 2024-01-31 | ab   | t
                       2 |       10 |       1 |      7.05 | 2024-02-01 11:30:00.5 | 2024-02-01 | x    | f
                       3 |       20 |       2 |    100.00 | 2024-02-02 00:00:00   | 2024-02-02 |      |
                       4 |       30 |       5 |           | 2024-03-01 09:15:00   | 2024-03-01 | long | t
                (4 rows)

                """, out());
    }

    @Test
    void aggregatesJoinsAndFiltersOverLoadedData() throws IOException {
        loadSales();
        assertEquals(0, run("-c", "SELECT s.sellerid AS sellerid, n.name, count(*) AS sales, sum(pricepaid) AS total"
                + " FROM sales s JOIN sellers n ON s.sellerid = n.sellerid WHERE qtysold > 0"
                + " GROUP BY s.sellerid, n.name ORDER BY total DESC", url()), err());
        assertEquals("""
                 sellerid | name | sales | total
                ----------+------+-------+--------
                       20 | bob  |     1 | 100.00
                       10 | ann  |     2 |  19.55
                (2 rows)

                """, out());
    }

    @Test
    void csvPrintsAHeaderAndEmptyFieldsForNull() throws IOException {
        loadSales();
        assertEquals(0, run("--csv", "-c", "SELECT salesid, pricepaid, code FROM sales WHERE salesid >= 3 ORDER BY 1", url()), err());
        assertEquals("salesid,pricepaid,code\n3,100.00,    \n4,,long\n", out(), "an empty CHAR(4) is four blanks");
    }

    @Test
    void describeListsTablesAndShowsColumnAttributes() throws IOException {
        loadSales();
        assertEquals(0, run("-c", "\\d", url()), err());
        String user = System.getProperty("user.name");
        assertTrue(out().contains("List of relations"), out());
        assertTrue(out().matches("(?s).* public +\\| sales +\\| table \\| " + user + "\n.*"), out());
        assertTrue(out().matches("(?s).* public +\\| sellers +\\| table \\| " + user + "\n.*"), out());
        assertTrue(out().contains("(2 rows)"), out());

        assertEquals(0, run("-c", "\\d sales", url()), err());
        String describe = out();
        assertTrue(describe.contains("Table \"sales\""), describe);
        assertTrue(describe.matches("(?s).* salesid +\\| integer +\\| auto +\\| f +\\| +0 \\| t\n.*"), describe);
        assertTrue(describe.matches("(?s).* sellerid +\\| integer +\\| auto +\\| t +\\| +0 \\| t\n.*"), describe);
        assertTrue(describe.matches("(?s).* qtysold +\\| smallint +\\| az64 +\\| f +\\| +0 \\| t\n.*"), describe);
        assertTrue(describe.matches("(?s).* pricepaid +\\| numeric\\(8,2\\) +\\| az64 +\\| f +\\| +0 \\| f\n.*"), describe);
        assertTrue(describe.matches("(?s).* saletime +\\| timestamp without time zone +\\| \\w+ +\\| f +\\| +1 \\| f\n.*"), describe);
        assertTrue(describe.matches("(?s).* code +\\| character\\(4\\) +\\| lzo +\\| f +\\| +0 \\| f\n.*"), describe);
        assertTrue(describe.contains("(8 rows)"), describe);

        assertEquals(0, run("-c", "\\d nosuch", url()));
        assertEquals("Did not find any relation named \"nosuch\".\n", err());
    }

    @Test
    void aBadStatementFailsWithItsSqlStateAndStopsTheScript() throws IOException {
        loadSales();
        assertEquals(1, run("-c", "INSERT INTO sales VALUES (9, 10, 1, 1.00, NULL, NULL, NULL, NULL); SELEC 1; DELETE FROM sales", url()));
        assertEquals("INSERT 0 1\n", out(), "statements before the error ran, none after it");
        assertTrue(err().startsWith("ERROR:  42601: "), err());

        assertEquals(1, run("-c", "SELECT * FROM nosuch", url()));
        assertTrue(err().startsWith("ERROR:  42P01: relation \"nosuch\" does not exist"), err());
        assertEquals("", out());

        assertEquals(0, run("--csv", "-c", "SELECT count(*) AS n FROM sales", url()));
        assertEquals("n\n5\n", out(), "the four loaded rows and the one inserted before the error");
    }

    @Test
    void aBadCopyFileFailsAndLoadsNothing() throws IOException {
        loadSales();
        Path bad = Files.writeString(directory.resolve("bad.txt"),
                "5|10|1|1.00|2024-01-31 10:00:00|2024-01-31|ab|true\n6|10|lots|1.00|2024-01-31 10:00:00|2024-01-31|ab|true\n");
        assertEquals(1, run("-c", "COPY sales FROM '" + bad + "' DELIMITER '|'", url()));
        assertTrue(err().startsWith("ERROR:  22P04: "), err());
        assertTrue(err().contains("lots"), err());
        assertEquals("", out());

        assertEquals(0, run("--csv", "-c", "SELECT count(*) AS n, max(salesid) AS top FROM sales", url()));
        assertEquals("n,top\n4,4\n", out(), "the failed COPY committed none of its rows");
    }

    @Test
    void dataPersistsAcrossRunsOnTheSameDirectory() throws IOException {
        loadSales();
        assertEquals(0, run("-c", "INSERT INTO sellers VALUES (30, 'cid')", url()), err());
        assertEquals(0, run("--csv", "-c", "SELECT name FROM sellers ORDER BY sellerid", url()), err());
        assertEquals("name\nann\nbob\ncid\neve\n", out());
    }

    @Test
    void typedValuesPrintLikePsql() throws IOException {
        assertEquals(0, run("-c", "SELECT 1 + 1 AS two, CAST(2.5 AS DECIMAL(6,3)) AS d, CAST(NULL AS INTEGER) AS n,"
                + " DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 23:59:59' AS at, CAST('a' AS CHAR(3)) AS c, 0.5 * 3 AS x", url()), err());
        assertEquals("""
                 two |   d   | n |    day     |         at          |  c  |  x
                -----+-------+---+------------+---------------------+-----+-----
                   2 | 2.500 |   | 2024-02-29 | 2024-02-29 23:59:59 | a   | 1.5
                (1 row)

                """, out());
    }
}
