package io.cepheid.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The self-contained driver jar ({@code jdbc-driver/target/cepheid-jdbc-<version>-all.jar}) works alone on a
 * class path: a small program, compiled on the fly by the java source launcher, queries the real engine
 * through it. The jar is built in jdbc-driver's package phase, which a reactor {@code verify} runs before this
 * module's tests; when only this module is tested and no jar exists, the check is skipped.
 */
class JdbcJarTest {
    @TempDir
    Path directory;

    @Test
    void theAllInOneJarRunsAQueryOnItsOwn() throws IOException, InterruptedException {
        Path jar = findJar();
        assumeTrue(jar != null, "jdbc-driver/target/cepheid-jdbc-*-all.jar not built; run ./mvnw verify");
        Path source = directory.resolve("JarSmoke.java");
        try (InputStream resource = JdbcJarTest.class.getResourceAsStream("/jar-check/JarSmoke.java")) {
            Files.copy(resource, source);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(),
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", jar.toString(), source.toString()))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.lines().anyMatch("rows=3 sum=3.75"::equals), output);
    }

    /** The newest {@code cepheid-jdbc-*-all.jar} next to this module, or null. */
    private static Path findJar() throws IOException {
        Path target = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("jdbc-driver").resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("cepheid-jdbc-.*-all\\.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElse(null);
        }
    }
}
