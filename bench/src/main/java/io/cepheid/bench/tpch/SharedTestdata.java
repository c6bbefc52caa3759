package io.cepheid.bench.tpch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/testdata} (beside the project root) from the current directory or any parent. */
public final class SharedTestdata {
    private SharedTestdata() {
    }

    /** The TPC-H folder of the shared test data: {@code queries/} and {@code answers/sf1/}. */
    public static Path tpch() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/testdata"), dir.resolve("../shared/testdata").normalize()}) {
                if (Files.isDirectory(candidate.resolve("tpch/queries"))) {
                    return candidate.resolve("tpch");
                }
            }
        }
        throw new IllegalStateException("../shared/testdata/tpch not found above " + Path.of("").toAbsolutePath()
                + "; run the harness from the project root");
    }
}
