package io.cepheid.loader.copy;

import io.cepheid.loader.format.ConversionOptions;
import io.cepheid.loader.format.CsvRecordReader;
import io.cepheid.loader.format.FieldConverter;
import io.cepheid.loader.format.FieldParseException;
import io.cepheid.loader.format.RecordReader;
import io.cepheid.loader.format.TextRecordReader;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One worker of a COPY: reads splits record by record, converts each field straight into the rows of one
 * reusable off-heap batch, and hands every full batch to the table appender. A bad row is rolled back by
 * not advancing the row index (the next row overwrites it), recorded while MAXERROR allows, and otherwise
 * fails the load with a message naming file, line, column and value.
 */
final class SplitLoader implements AutoCloseable {
    private static final int GZIP_BUFFER_BYTES = 64 * 1024;

    private final LoadContext context;
    private final CopyOptions options;
    private final int[] targetColumns;
    private final FieldConverter[] converters;
    private final String[] columnNames;
    private final String[] columnTypes;
    private final Batch batch;
    private int row;

    SplitLoader(LoadContext context) {
        this.context = context;
        this.options = context.request().options();
        this.targetColumns = context.targetColumns();
        TableDefinition table = context.request().table();
        ConversionOptions conversion = options.conversion();
        this.converters = new FieldConverter[targetColumns.length];
        this.columnNames = new String[targetColumns.length];
        this.columnTypes = new String[targetColumns.length];
        for (int i = 0; i < targetColumns.length; i++) {
            ColumnDefinition column = table.columns().get(targetColumns[i]);
            converters[i] = new FieldConverter(column.type(), column.nullable(), conversion);
            columnNames[i] = column.name();
            columnTypes[i] = column.type().displayName();
        }
        this.batch = allocateBatch(table.columns());
    }

    private Batch allocateBatch(List<ColumnDefinition> columns) {
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        Batch allocated = new Batch(vectors, 0);
        try {
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = ColumnVector.allocate(context.request().allocator(), columns.get(i).type(), Batch.DEFAULT_CAPACITY);
            }
        } catch (RuntimeException e) {
            allocated.close();
            throw e;
        }
        return allocated;
    }

    /** Loads every record of {@code split}; returns early when another worker failed. */
    void load(InputSplit split) {
        long lineBase = -1; // lines before the split, counted only when an error needs a line number
        try (InputStream input = open(split)) {
            RecordReader reader = newReader(input);
            if (split.first()) {
                reader.skipLines(options.ignoreHeader());
            }
            while (reader.next()) {
                if (context.cancelled()) {
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw context.canceled();
                }
                LoadError error = loadRecord(reader, split);
                if (error == null) {
                    continue;
                }
                if (lineBase < 0) {
                    lineBase = split.start() == 0 ? 0 : SplitPlanner.countLines(context.fileSystem(), split.file(), split.start());
                }
                reject(withLine(error, lineBase + reader.recordLine()));
            }
        } catch (IOException e) {
            if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                throw context.canceled();
            }
            throw context.loadError("cannot read " + split.file() + ": " + e.getMessage(), e);
        }
    }

    /** Loads the current record into the batch, or returns why it cannot be loaded (line number still 0). */
    private LoadError loadRecord(RecordReader reader, InputSplit split) {
        int found = reader.fieldCount();
        int expected = targetColumns.length;
        if (found == 1 && expected > 1 && reader.fieldEnd(0) == reader.fieldStart(0) && !reader.isQuoted(0)) {
            return null; // an empty line
        }
        if (reader.recordProblem() != null) {
            return new LoadError(split.file().toString(), 0, null, null, 0, reader.rawRecord(), null, reader.recordProblem());
        }
        int present = found;
        if (found == expected + 1 && reader.fieldEnd(expected) == reader.fieldStart(expected) && !reader.isQuoted(expected)) {
            // dbgen ends every line with the delimiter ("1|abc|"): accept one empty trailing field.
            present = expected;
        } else if (found > expected || (found < expected && !options.fillRecord())) {
            return new LoadError(split.file().toString(), 0, null, null, 0, reader.rawRecord(), null,
                    "expected " + expected + " fields, found " + found + " (delimiter '" + options.delimiter() + "')");
        }
        int field = 0;
        try {
            for (; field < present; field++) {
                converters[field].convert(reader, field, batch.column(targetColumns[field]), row);
            }
            for (; field < expected; field++) {
                converters[field].convertMissing(batch.column(targetColumns[field]), row);
            }
        } catch (FieldParseException e) {
            discardRow();
            String raw = field < present ? new String(reader.bytes(), reader.fieldStart(field),
                    reader.fieldEnd(field) - reader.fieldStart(field), StandardCharsets.UTF_8) : null;
            return new LoadError(split.file().toString(), 0, columnNames[field], columnTypes[field], field + 1, reader.rawRecord(), raw,
                    e.getMessage());
        }
        if (++row == Batch.DEFAULT_CAPACITY) {
            flush();
        }
        return null;
    }

    /**
     * Forgets the string bytes a rejected row already wrote, so that every string vector's data ends with
     * the last loaded row; the fixed-width slots are simply overwritten by the next row.
     */
    private void discardRow() {
        for (int column : targetColumns) {
            ColumnVector vector = batch.column(column);
            if (vector.physicalType() == PhysicalType.VARIABLE) {
                vector.setBytesEnd(row, 0);
            }
        }
    }

    private static LoadError withLine(LoadError error, long line) {
        return new LoadError(error.file(), line, error.columnName(), error.columnType(), error.fieldPosition(), error.rawLine(),
                error.rawFieldValue(), error.reason());
    }

    private void reject(LoadError error) {
        if (!context.tryReject(error)) {
            int maxError = options.maxError();
            throw context.loadError(error.describe()
                    + (maxError > 0 ? " (more than MAXERROR " + maxError + " rows rejected)" : ""), null);
        }
    }

    /** Hands the rows collected so far to the appender and empties the batch for reuse. */
    void flush() {
        if (row == 0) {
            return;
        }
        batch.setRowCount(row);
        context.defaults().fill(batch, row);
        context.request().appender().append(batch);
        context.addRowsLoaded(row);
        for (ColumnVector vector : batch.columns()) {
            vector.reset();
        }
        batch.setRowCount(0);
        row = 0;
    }

    private RecordReader newReader(InputStream input) {
        byte delimiter = (byte) options.delimiter();
        return switch (options.format()) {
            case TEXT -> new TextRecordReader(input, delimiter, options.nullAs(), options.escape(), options.removeQuotes());
            case CSV -> new CsvRecordReader(input, delimiter, (byte) options.quote(), options.nullAs());
        };
    }

    /** Opens a split; a whole file is gunzipped when GZIP is given or it starts with gzip's magic bytes. */
    private InputStream open(InputSplit split) throws IOException {
        InputStream raw = context.fileSystem().open(split.file(), split.start(), split.length());
        if (!split.wholeFile()) {
            return raw;
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, GZIP_BUFFER_BYTES);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            boolean magic = first == 0x1f && second == 0x8b;
            if (!magic && !options.gzip()) {
                return buffered;
            }
            if (!magic) {
                throw new IOException("GZIP was given but the file is not in gzip format");
            }
            return new GZIPInputStream(buffered, GZIP_BUFFER_BYTES);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public void close() {
        batch.close();
    }
}
