package io.cepheid.sqltest.tpch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/testdata} (beside the project root) from wherever the test runs. */
final class SharedTestdata {
    private SharedTestdata() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/testdata").normalize();
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("../shared/testdata not found above " + Path.of("").toAbsolutePath());
    }
}
