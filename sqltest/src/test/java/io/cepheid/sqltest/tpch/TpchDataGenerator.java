package io.cepheid.sqltest.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes TPC-H tables as dbgen-format {@code <table>.tbl} files ({@code |}-separated, trailing {@code |}). */
public final class TpchDataGenerator {
    private TpchDataGenerator() {
    }

    /** Generates every table at {@code scaleFactor} into {@code directory}; returns the directory. */
    public static Path generate(double scaleFactor, Path directory) {
        try {
            Files.createDirectories(directory);
            for (TpchTable<?> table : TpchTable.getTables()) {
                write(table, scaleFactor, directory.resolve(fileName(table)));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** dbgen's file names: {@code lineitem.tbl}, {@code partsupp.tbl}, ... */
    public static String fileName(TpchTable<?> table) {
        return table.getTableName() + ".tbl";
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
