package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableAppender;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * A parsed COPY ready to run inside an open transaction.
 *
 * @param source          an absolute path prefix, or {@code file:///abs/prefix}; every regular file whose path starts with it is loaded
 * @param targetColumns   table column indexes in input field order (the column list, or all columns)
 * @param defaultValues   one entry per table column: the value loaded into columns missing from
 *                        {@code targetColumns}, in the physical representation of ExprSpec literals
 *                        (Long, Double, Boolean, String or null); entries of listed columns are ignored
 * @param executor        runs the extra workers; null loads on the calling thread only
 * @param parallelism     the most workers at once, counting the calling thread, which always runs one
 *                        (1 loads on the calling thread only)
 */
public record CopyRequest(
        String source,
        TableDefinition table,
        List<Integer> targetColumns,
        List<Object> defaultValues,
        CopyOptions options,
        TableAppender appender,
        BufferAllocator allocator,
        ExecutorService executor,
        int parallelism) {

    public CopyRequest {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(table, "table is null");
        targetColumns = List.copyOf(targetColumns);
        // List.copyOf rejects nulls, and null is a valid default.
        defaultValues = Collections.unmodifiableList(new ArrayList<>(defaultValues));
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(appender, "appender is null");
        Objects.requireNonNull(allocator, "allocator is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (defaultValues.size() != table.columns().size()) {
            throw new IllegalArgumentException("defaultValues must have one entry per table column");
        }
    }

    /** A request that loads every column of {@code table} in order, with no defaults needed. */
    public static CopyRequest allColumns(String source, TableDefinition table, CopyOptions options,
            TableAppender appender, BufferAllocator allocator, ExecutorService executor, int parallelism) {
        List<Integer> columns = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add(i);
            defaults.add(null);
        }
        return new CopyRequest(source, table, columns, defaults, options, appender, allocator, executor, parallelism);
    }
}
