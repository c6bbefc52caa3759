package io.cepheid.storage.table;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.file.NewFileSink;
import io.cepheid.storage.format.ContentAddress;
import io.cepheid.storage.format.DeleteVectorFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marks rows of a table version deleted: for every row group that loses rows, merges them into its delete
 * vector and writes the result as a new content-addressed file. A row group whose every row is deleted
 * leaves the manifest instead (its data is no longer needed by this version).
 */
public final class RowDeleter {
    private RowDeleter() {
    }

    /** The new manifest and how many rows were deleted by this call (rows already deleted do not count). */
    public record Result(TableManifest manifest, long deletedRows) {
    }

    /**
     * Deletes rows {@code rowIds[0, count)} ({@link RowId}s against {@code manifest}'s row-group lists, in
     * any order, duplicates allowed). Sorts that part of {@code rowIds} in place.
     */
    public static Result delete(TableManifest manifest, long[] rowIds, int count, FileStore store, NewFileSink sink) {
        Arrays.sort(rowIds, 0, count);
        List<List<RowGroupRef>> slices = new ArrayList<>(manifest.sliceCount());
        for (List<RowGroupRef> slice : manifest.slices()) {
            slices.add(new ArrayList<>(slice));
        }
        long deleted = 0;
        int[] rows = new int[Math.min(count, SlicingTableAppender.ROW_GROUP_ROWS)];
        int start = 0;
        while (start < count) {
            long key = RowId.rowGroupKey(rowIds[start]);
            int end = start;
            int rowCount = 0;
            while (end < count && RowId.rowGroupKey(rowIds[end]) == key) {
                if (end == start || rowIds[end] != rowIds[end - 1]) { // sorted: duplicates are adjacent
                    rows[rowCount++] = RowId.row(rowIds[end]);
                }
                end++;
            }
            deleted += deleteInRowGroup(slices, rowIds[start], rows, rowCount, store, sink);
            start = end;
        }
        List<List<RowGroupRef>> kept = new ArrayList<>(slices.size());
        for (List<RowGroupRef> slice : slices) {
            kept.add(slice.stream().filter(r -> r != null).toList());
        }
        return new Result(new TableManifest(manifest.layout(), kept), deleted);
    }

    /** Returns how many of {@code rows} were live; replaces the entry with null when no row is left. */
    private static int deleteInRowGroup(List<List<RowGroupRef>> slices, long rowId, int[] rows, int count,
            FileStore store, NewFileSink sink) {
        int slice = RowId.slice(rowId);
        int index = RowId.rowGroup(rowId);
        if (slice >= slices.size() || index >= slices.get(slice).size()) {
            throw new CepheidException(ErrorCode.INTERNAL_ERROR, "row id " + rowId + " names row group " + index
                    + " of slice " + slice + ", which this table version does not have");
        }
        RowGroupRef ref = slices.get(slice).get(index);
        DeleteVector before = ref.deleteFile() == null ? DeleteVector.none(ref.rowCount())
                : DeleteVectorFile.read(store.read(ref.deleteFile()), ref.deleteFile());
        DeleteVector after = before.plus(rows, 0, count);
        int newlyDeleted = after.deletedCount() - before.deletedCount();
        if (newlyDeleted == 0) {
            return 0;
        }
        if (after.deletedCount() == ref.rowCount()) {
            slices.get(slice).set(index, null);
        } else {
            byte[] content = DeleteVectorFile.write(after);
            String name = ContentAddress.name(content, ContentAddress.DELETE_VECTOR_SUFFIX);
            sink.write(name, content);
            slices.get(slice).set(index, ref.withDeletes(name, after.deletedCount()));
        }
        return newlyDeleted;
    }
}
