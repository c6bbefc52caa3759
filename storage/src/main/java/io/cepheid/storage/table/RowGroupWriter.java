package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.SortStyle;
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
 * Turns buffered rows into one immutable row-group file: sorts them by the table's sort key, encodes each
 * column with its declared encoding, names the file by its content and writes it durably through the
 * transaction's {@link NewFileSink}.
 */
public final class RowGroupWriter {
    private final NewFileSink sink;

    public RowGroupWriter(NewFileSink sink) {
        this.sink = sink;
    }

    public RowGroupRef write(TableDefinition definition, ColumnVector[] columns, int rowCount, BufferAllocator allocator) {
        // INTERLEAVED is sorted as COMPOUND for now: zone maps still work on the leading column.
        boolean sorted = definition.sortStyle() != SortStyle.NONE && !definition.sortKey().isEmpty();
        if (!sorted) {
            return writeFile(definition, columns, rowCount);
        }
        int[] order = RowGroupSorter.sortedOrder(columns, rowCount, definition.sortKey());
        ColumnVector[] reordered = new ColumnVector[columns.length];
        try {
            for (int c = 0; c < columns.length; c++) {
                reordered[c] = ColumnVector.allocate(allocator, columns[c].type(), rowCount);
                for (int row = 0; row < rowCount; row++) {
                    reordered[c].copyRow(columns[c], order[row], row);
                }
            }
            return writeFile(definition, reordered, rowCount);
        } finally {
            for (ColumnVector vector : reordered) {
                if (vector != null) {
                    vector.close();
                }
            }
        }
    }

    private RowGroupRef writeFile(TableDefinition definition, ColumnVector[] columns, int rowCount) {
        List<byte[]> blocks = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            ColumnDefinition column = definition.columns().get(c);
            Encoding encoding = column.encoding() == null ? Encoding.AUTO : column.encoding();
            blocks.add(BlockCodec.encode(column.type(), encoding, columns[c], 0, rowCount));
        }
        byte[] content = RowGroupFile.write(rowCount, blocks);
        String name = ContentAddress.name(content, ContentAddress.ROW_GROUP_SUFFIX);
        sink.write(name, content);
        return new RowGroupRef(name, rowCount);
    }
}
