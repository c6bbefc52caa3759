package io.cepheid.bench.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * TPC-H data as dbgen {@code .tbl} files ({@code |}-separated, trailing {@code |}) under
 * {@code <work>/sf<N>/}, generated with io.trino.tpch and reused by later runs at the same scale factor.
 */
public final class TpchDataFiles {
    /** Written last: a folder without it was interrupted half-way and is generated again. */
    private static final String COMPLETE_MARKER = "COMPLETE";

    private final Path directory;

    private TpchDataFiles(Path directory) {
        this.directory = directory;
    }

    /** Returns the files for {@code scaleFactor}, generating them first unless a complete set is already there. */
    public static TpchDataFiles prepare(Path workDirectory, double scaleFactor) {
        Path directory = workDirectory.resolve("sf" + scaleFactorName(scaleFactor)).toAbsolutePath();
        TpchDataFiles files = new TpchDataFiles(directory);
        if (Files.exists(directory.resolve(COMPLETE_MARKER))) {
            System.out.println("reusing TPC-H data in " + directory);
            return files;
        }
        System.out.println("generating TPC-H scale factor " + scaleFactorName(scaleFactor) + " into " + directory);
        try {
            Files.createDirectories(directory);
            for (TpchTable<?> table : tables()) {
                write(table, scaleFactor, files.file(table.getTableName()));
            }
            Files.writeString(directory.resolve(COMPLETE_MARKER), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The eight TPC-H tables, in the order they are loaded. */
    public static List<TpchTable<?>> tables() {
        return TpchTable.getTables();
    }

    /** {@code 1} for 1.0, {@code 0.01} for 0.01: the folder name does not depend on how the number was typed. */
    static String scaleFactorName(double scaleFactor) {
        return new java.math.BigDecimal(Double.toString(scaleFactor)).stripTrailingZeros().toPlainString();
    }

    /** The absolute path of {@code <table>.tbl}. */
    public Path file(String table) {
        return directory.resolve(table + ".tbl");
    }

    private static <E extends TpchEntity> void write(TpchTable<E> table, double scaleFactor, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                writer.write(row.toLine());
                writer.write('\n');
            }
        }
    }
}
