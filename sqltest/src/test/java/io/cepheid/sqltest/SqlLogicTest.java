package io.cepheid.sqltest;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SQL corpus: every {@code .test} file under {@code src/test/resources/sql} (named
 * {@code sql/<dir>/<file>.test}), each on a fresh {@code jdbc:cepheid:mem:} warehouse, run twice: in one slice and
 * in {@value #MANY_SLICES} slices, so results that depend on distribution and exchanges are caught; and every file
 * of the external corpus {@code shared/testdata/sqllogictest} (named by its path there, e.g.
 * {@code index/between/1000/slt_good_0.test}), in {@value #MANY_SLICES} slices.
 */
class SqlLogicTest {
    private static final Path OWN_CORPUS = Path.of("src/test/resources");
    private static final String EXTERNAL_CORPUS = "shared/testdata/sqllogictest";
    /** Narrows the external corpus for ad hoc runs: {@code -Dslt.only=select2} keeps files whose name contains it. */
    private static final String ONLY = System.getProperty("slt.only", "");
    private static final int SHOWN_FAILURES = 25;
    /** Slices per node for the second run of each file: enough that every distribution style spreads rows. */
    static final int MANY_SLICES = 4;

    private final ExpectedFailures expectedFailures = ExpectedFailures.load();

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<DynamicNode> tests = new ArrayList<>();
        Path own = OWN_CORPUS.resolve("sql");
        assertTrue(Files.isDirectory(own), "the project's own corpus is missing: " + own.toAbsolutePath());
        try (Stream<Path> files = Files.walk(own)) {
            files.filter(path -> path.toString().endsWith(".test")).sorted().forEach(path ->
                    tests.add(test(OWN_CORPUS.relativize(path).toString().replace('\\', '/'), path)));
        }
        Path external = findExternalCorpus();
        try (Stream<Path> files = Files.walk(external)) {
            files.filter(path -> path.toString().endsWith(".test")).sorted().forEach(path -> {
                String name = external.relativize(path).toString().replace('\\', '/');
                if (name.contains(ONLY)) {
                    tests.add(externalTest(name, path));
                }
            });
        }
        return tests.stream();
    }

    private DynamicNode test(String name, Path file) {
        return DynamicContainer.dynamicContainer(name, file.toUri(), Stream.of(
                DynamicTest.dynamicTest(name + " [1 slice]", file.toUri(), () -> runFile(name, file, 1)),
                DynamicTest.dynamicTest(name + " [" + MANY_SLICES + " slices]", file.toUri(), () -> runFile(name, file, MANY_SLICES))));
    }

    /**
     * A file of the shared corpus runs in {@value #MANY_SLICES} slices only: its 390,000 lines test SQL semantics
     * (SQLite's answers), and the distributed path (exchanges, partial aggregation) is the one that can get them
     * wrong; the one-slice run would double the suite's longest part for little. The project's own files, which
     * test distribution on purpose, run both ways.
     */
    private DynamicNode externalTest(String name, Path file) {
        return DynamicTest.dynamicTest(name + " [" + MANY_SLICES + " slices]", file.toUri(), () -> runFile(name, file, MANY_SLICES));
    }

    private void runFile(String name, Path file, int slices) throws IOException, SQLException {
        List<SltRecord> records = SltParser.parse(name, Files.readString(file));
        Properties properties = new Properties();
        properties.setProperty("slices", Integer.toString(slices));
        Connection connection = DriverManager.getConnection("jdbc:cepheid:mem:", properties);
        SltReport report;
        try (connection) {
            report = new SltRunner(expectedFailures).run(name, records, connection);
        }
        System.out.println(report.summary() + " [" + slices + " slices]");
        report.expectedFailures.forEach(known -> System.out.println("  expected failure: " + known));
        if (!report.passed()) {
            fail(report.details(SHOWN_FAILURES));
        }
    }

    /** {@code shared/testdata/sqllogictest}, found by walking up from the working directory (the module directory under surefire). */
    static Path findExternalCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(EXTERNAL_CORPUS);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("cannot find " + EXTERNAL_CORPUS + " above " + Path.of("").toAbsolutePath()));
    }
}
