package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.BlockCodec;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.file.NewFileSink;
import io.cepheid.storage.format.ContentAddress;
import io.cepheid.storage.format.RowGroupFile;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns buffered rows into one immutable row-group file: sorts them by the table's sort key (COMPOUND
 * column by column, INTERLEAVED by z-order), encodes each column with its declared encoding, names the file
 * by its content and writes it durably through the transaction's {@link NewFileSink}.
 */
public final class RowGroupWriter {
    private final NewFileSink sink;

    public RowGroupWriter(NewFileSink sink) {
        this.sink = sink;
    }

    public RowGroupRef write(TableDefinition definition, ColumnVector[] columns, int rowCount, BufferAllocator allocator) {
        if (!SortedRegion.sorted(definition)) {
            return writeFile(definition, columns, 0, rowCount, false);
        }
        int[] order = RowGroupSorter.sortedOrder(columns, rowCount, definition.sortKey(), definition.sortStyle());
        ColumnVector[] reordered = new ColumnVector[columns.length];
        try {
            for (int c = 0; c < columns.length; c++) {
                reordered[c] = ColumnVector.allocate(allocator, columns[c].type(), rowCount);
                for (int row = 0; row < rowCount; row++) {
                    reordered[c].copyRow(columns[c], order[row], row);
                }
            }
            return writeFile(definition, reordered, 0, rowCount, false);
        } finally {
            for (ColumnVector vector : reordered) {
                if (vector != null) {
                    vector.close();
                }
            }
        }
    }

    /**
     * Writes rows {@code [from, from + rowCount)} as they are, already in sort order (VACUUM's merged runs).
     * {@code continuesSortedRun}: they follow the slice's previous row group in sort order.
     */
    public RowGroupRef writeOrdered(TableDefinition definition, ColumnVector[] columns, int from, int rowCount,
            boolean continuesSortedRun) {
        return writeFile(definition, columns, from, rowCount, continuesSortedRun);
    }

    private RowGroupRef writeFile(TableDefinition definition, ColumnVector[] columns, int from, int rowCount,
            boolean continuesSortedRun) {
        List<byte[]> blocks = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            ColumnDefinition column = definition.columns().get(c);
            Encoding encoding = column.encoding() == null ? Encoding.AUTO : column.encoding();
            blocks.add(BlockCodec.encode(column.type(), encoding, columns[c], from, rowCount));
        }
        byte[] content = RowGroupFile.write(rowCount, blocks);
        String name = ContentAddress.name(content, ContentAddress.ROW_GROUP_SUFFIX);
        sink.write(name, content);
        return new RowGroupRef(name, rowCount, null, 0, continuesSortedRun);
    }
}
