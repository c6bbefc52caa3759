package io.cepheid.storage.table;

import io.cepheid.storage.encoding.BlockCodec;
import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.format.DeleteVectorFile;
import io.cepheid.storage.format.RowGroupFile;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A {@link RowGroup} backed by a row-group file. The file is mapped on first use, not when the snapshot is
 * taken, so planning over a large table touches no data. Holds its table snapshot so that, while a reader
 * holds any row group, the version it belongs to counts as pinned and its files are not collected.
 */
final class StoredRowGroup implements RowGroup {
    private final FileStore store;
    private final RowGroupRef ref;
    private final List<SqlType> types;
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Object pinnedOwner;
    private volatile Mapped mapped;
    private volatile DeleteVector deletes;

    private record Mapped(MemorySegment file, RowGroupFile.Index index) {
    }

    StoredRowGroup(FileStore store, RowGroupRef ref, List<SqlType> types, Object pinnedOwner) {
        this.store = store;
        this.ref = ref;
        this.types = types;
        this.pinnedOwner = pinnedOwner;
    }

    RowGroupRef ref() {
        return ref;
    }

    @Override
    public int rowCount() {
        return ref.rowCount();
    }

    @Override
    public boolean continuesSortedRun() {
        return ref.continuesSortedRun();
    }

    /** Read on first use, like the row-group file. */
    @Override
    public DeleteVector deletes() {
        if (ref.deleteFile() == null) {
            return null;
        }
        DeleteVector current = deletes;
        if (current == null) {
            current = DeleteVectorFile.read(store.read(ref.deleteFile()), ref.deleteFile());
            if (current.rowCount() != ref.rowCount() || current.deletedCount() != ref.deletedCount()) {
                throw new CepheidException(ErrorCode.DATA_CORRUPTED, "delete-vector file " + ref.deleteFile()
                        + " marks " + current.deletedCount() + " of " + current.rowCount()
                        + " rows; the manifest expects " + ref.deletedCount() + " of " + ref.rowCount());
            }
            deletes = current; // a benign race, as for the mapping
        }
        return current;
    }

    @Override
    public BlockHeader header(int column) {
        return BlockCodec.header(block(column));
    }

    @Override
    public void decode(int column, ColumnVector out) {
        if (out.capacity() < ref.rowCount()) {
            throw new IllegalArgumentException("vector capacity " + out.capacity() + " is below the row group's "
                    + ref.rowCount() + " rows");
        }
        out.reset();
        BlockCodec.decode(types.get(column), block(column), out, 0);
    }

    @Override
    public long encodedBytes(int column) {
        return mapped().index().lengths()[column];
    }

    private MemorySegment block(int column) {
        Mapped current = mapped();
        return current.index().block(current.file(), column);
    }

    private Mapped mapped() {
        Mapped current = mapped;
        if (current == null) {
            MemorySegment file = store.read(ref.file());
            RowGroupFile.Index index = RowGroupFile.read(file, ref.file());
            if (index.rowCount() != ref.rowCount() || index.columnCount() != types.size()) {
                throw new CepheidException(ErrorCode.DATA_CORRUPTED, "row-group file " + ref.file() + " holds "
                        + index.rowCount() + " rows of " + index.columnCount() + " columns; the manifest expects "
                        + ref.rowCount() + " rows of " + types.size());
            }
            current = new Mapped(file, index);
            mapped = current; // a benign race: two threads may map the same file once each
        }
        return current;
    }
}
