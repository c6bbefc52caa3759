package io.cepheid.sqltest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner against the engine that produced the corpus: SQLite, as engine {@code sqlite}, must pass every
 * record of the external files. This proves parsing, rendering, sorting, hashing and labels on thousands of
 * real records, so a Cepheid failure in the corpus is Cepheid's, not the runner's.
 */
class SltReferenceEngineTest {
    @ParameterizedTest
    @ValueSource(strings = {"select1.test", "evidence/in1.test", "evidence/in2.test", "evidence/slt_lang_update.test"})
    void referenceEnginePassesTheExternalCorpus(String name) throws IOException, SQLException {
        Path file = SqlLogicTest.findExternalCorpus().resolve(name);
        SltReport report;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            report = new SltRunner(ExpectedFailures.none(), "sqlite").run(name, SltParser.parse(name, Files.readString(file)), sqlite);
        }
        assertTrue(report.passed(), report.details(10));
        assertTrue(report.executed >= 20, "too few records ran: " + report.summary());
    }
}
