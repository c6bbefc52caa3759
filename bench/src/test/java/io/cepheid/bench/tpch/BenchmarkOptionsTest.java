package io.cepheid.bench.tpch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BenchmarkOptionsTest {
    @Test
    void parsesEveryOption() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {
                "--scale", "0.01", "--work", "/tmp/w", "--threads", "3", "--warmups", "0", "--runs", "7",
                "--timeout", "30", "--queries", "1,q06, 22"});
        assertEquals(new BenchmarkOptions(0.01, Path.of("/tmp/w"), 3, 0, 7, 30, List.of(1, 6, 22)), options);
    }

    @Test
    void defaultsToAllQueriesAtScaleFactorOne() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0]);
        assertEquals(1.0, options.scaleFactor());
        assertEquals(22, options.queries().size());
        assertEquals(5, options.runs());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--scale"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--scale", "0"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--queries", "23"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--runs", "x"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--fast", "1"}));
    }

    @Test
    void scaleFactorFolderNameIgnoresHowTheNumberWasTyped() {
        assertEquals("1", TpchDataFiles.scaleFactorName(1.0));
        assertEquals("0.01", TpchDataFiles.scaleFactorName(0.010));
        assertEquals("10", TpchDataFiles.scaleFactorName(10));
    }

    @Test
    void duckDbDdlDropsRedshiftClauses() {
        String ddl = SchemaScript.withoutRedshiftClauses("""
                CREATE TABLE t (
                    a BIGINT NOT NULL DISTKEY,
                    b DATE NOT NULL SORTKEY ENCODE DELTA,
                    c DECIMAL(15,2) NOT NULL ENCODE AZ64,
                    PRIMARY KEY (a, b)
                ) DISTSTYLE ALL""");
        assertEquals("""
                CREATE TABLE t (
                    a BIGINT NOT NULL,
                    b DATE NOT NULL,
                    c DECIMAL(15,2) NOT NULL
                )""", ddl);
        assertEquals(8, SchemaScript.duckDb().size());
    }
}
