package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.file.FileStore;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * VACUUM of one table version: decides which phases run (see {@link VacuumOptions}) and rewrites the
 * row groups they touch into new files, returning the manifest that replaces the old one. Nothing is
 * visible until the caller's transaction commits that manifest; the old files stay for older readers.
 *
 * <p>Sort phase, per slice whose sorted region ({@link SortedRegion}) does not cover every row group: the
 * slice's live rows are read, ordered and written as new row groups of up to
 * {@link SlicingTableAppender#ROW_GROUP_ROWS} rows, the first starting the slice's new sorted run and the
 * others marked as continuing it. COMPOUND: every row group is sorted within itself, so the row groups are
 * merged as sorted runs. INTERLEAVED: z-order keys are computed over the whole slice and the rows sorted by
 * them (each row group's keys were ranked on its own rows, so its order is no run of the slice's order).
 * Deleted rows are dropped on the way, whatever the mode: they are not copied into the new files.
 *
 * <p>Delete phase, for the other slices: each row group with deleted rows is rewritten with its live rows
 * in their order, in its place, so the sorted region stays as it was.
 *
 * <p>A slice is read whole into memory (charged to {@code allocator}); row groups are decoded one by one.
 */
public final class TableVacuum {
    private TableVacuum() {
    }

    /**
     * The table's new manifest ({@code manifest} itself when nothing was rewritten), the deleted rows
     * dropped, the rows the sort phase rewrote, and the row-group files written.
     */
    public record Result(TableManifest manifest, long reclaimedRows, long sortedRows, int rowGroupsWritten) {
        public boolean changed() {
            return rowGroupsWritten > 0 || reclaimedRows > 0;
        }
    }

    public static Result vacuum(TableDefinition definition, TableManifest manifest, FileStore store,
            RowGroupWriter writer, BufferAllocator allocator, VacuumOptions options) {
        List<SqlType> types = definition.columns().stream().map(ColumnDefinition::type).toList();
        List<List<RowGroup>> slices = new ArrayList<>(manifest.sliceCount());
        for (List<RowGroupRef> refs : manifest.slices()) {
            List<RowGroup> rowGroups = new ArrayList<>(refs.size());
            for (RowGroupRef ref : refs) {
                rowGroups.add(new StoredRowGroup(store, ref, types, manifest));
            }
            slices.add(rowGroups);
        }
        long stored = 0;
        long unsorted = 0;
        int[] sortedPrefix = new int[slices.size()];
        for (int slice = 0; slice < slices.size(); slice++) {
            List<RowGroup> rowGroups = slices.get(slice);
            sortedPrefix[slice] = SortedRegion.rowGroups(definition, rowGroups);
            for (int i = 0; i < rowGroups.size(); i++) {
                stored += rowGroups.get(i).rowCount();
                if (i >= sortedPrefix[slice]) {
                    unsorted += rowGroups.get(i).rowCount();
                }
            }
        }
        long live = manifest.rowCount();
        long threshold = options.thresholdPercent();
        boolean interleaved = definition.sortStyle() == SortStyle.INTERLEAVED;
        boolean reindex = options.mode() == VacuumOptions.Mode.REINDEX && interleaved;
        boolean sortPhase = options.sorts() && SortedRegion.sorted(definition) && stored > 0
                && (reindex || unsorted > 0 && (stored - unsorted) * 100 < threshold * stored);
        boolean deletePhase = options.reclaims() && live < stored && live * 100 < threshold * stored;

        Rewriter rewriter = new Rewriter(definition, types, writer, allocator);
        List<List<RowGroupRef>> result = new ArrayList<>(slices.size());
        for (int slice = 0; slice < slices.size(); slice++) {
            List<RowGroup> rowGroups = slices.get(slice);
            List<RowGroupRef> refs = manifest.slices().get(slice);
            if (sortPhase && !rowGroups.isEmpty() && (reindex || sortedPrefix[slice] < rowGroups.size())) {
                result.add(rewriter.sortSlice(rowGroups));
            } else if (deletePhase) {
                result.add(rewriter.reclaim(rowGroups, refs));
            } else {
                result.add(refs);
            }
        }
        if (rewriter.rowGroupsWritten == 0 && rewriter.reclaimedRows == 0) {
            return new Result(manifest, 0, 0, 0);
        }
        return new Result(new TableManifest(manifest.layout(), result), rewriter.reclaimedRows, rewriter.sortedRows,
                rewriter.rowGroupsWritten);
    }

    /** Reads row groups and writes their replacements; counts what it did. */
    private static final class Rewriter {
        private final TableDefinition definition;
        private final List<SqlType> types;
        private final RowGroupWriter writer;
        private final BufferAllocator allocator;
        private long reclaimedRows;
        private long sortedRows;
        private int rowGroupsWritten;

        Rewriter(TableDefinition definition, List<SqlType> types, RowGroupWriter writer, BufferAllocator allocator) {
            this.definition = definition;
            this.types = types;
            this.writer = writer;
            this.allocator = allocator;
        }

        /** The slice's live rows in sort order, as a new sorted run of row groups. */
        List<RowGroupRef> sortSlice(List<RowGroup> rowGroups) {
            int liveRows = 0;
            int largest = 0;
            for (RowGroup rowGroup : rowGroups) {
                liveRows = Math.addExact(liveRows, liveCount(rowGroup));
                largest = Math.max(largest, rowGroup.rowCount());
            }
            List<RowGroupRef> written = new ArrayList<>();
            ColumnVector[] gathered = allocate(liveRows);
            ColumnVector[] decoded = allocate(largest);
            try {
                int[] runStarts = new int[rowGroups.size()];
                int runs = 0;
                int position = 0;
                for (RowGroup rowGroup : rowGroups) {
                    int[] live = liveRows(rowGroup);
                    reclaimedRows += rowGroup.rowCount() - live.length;
                    if (live.length == 0) {
                        continue;
                    }
                    runStarts[runs++] = position;
                    decode(rowGroup, decoded);
                    for (int c = 0; c < gathered.length; c++) {
                        for (int i = 0; i < live.length; i++) {
                            gathered[c].copyRow(decoded[c], live[i], position + i);
                        }
                    }
                    position += live.length;
                }
                close(decoded);
                decoded = null;
                int[] order = definition.sortStyle() == SortStyle.INTERLEAVED
                        ? RowGroupSorter.sortedOrder(gathered, liveRows, definition.sortKey(), SortStyle.INTERLEAVED)
                        : RowGroupSorter.mergeRuns(gathered, liveRows, definition.sortKey(),
                                Arrays.copyOf(runStarts, runs));
                writeInOrder(gathered, order, written);
                sortedRows += liveRows;
            } finally {
                close(gathered);
                close(decoded);
            }
            return written;
        }

        /** The slice with each row group that has deleted rows rewritten without them, in its place. */
        List<RowGroupRef> reclaim(List<RowGroup> rowGroups, List<RowGroupRef> refs) {
            List<RowGroupRef> result = new ArrayList<>(refs.size());
            for (int i = 0; i < rowGroups.size(); i++) {
                RowGroup rowGroup = rowGroups.get(i);
                RowGroupRef ref = refs.get(i);
                if (ref.deletedCount() == 0) {
                    result.add(ref);
                    continue;
                }
                int[] live = liveRows(rowGroup);
                ColumnVector[] decoded = allocate(rowGroup.rowCount());
                ColumnVector[] kept = allocate(live.length);
                try {
                    decode(rowGroup, decoded);
                    for (int c = 0; c < kept.length; c++) {
                        for (int r = 0; r < live.length; r++) {
                            kept[c].copyRow(decoded[c], live[r], r);
                        }
                    }
                    result.add(writer.writeOrdered(definition, kept, 0, live.length, ref.continuesSortedRun()));
                    rowGroupsWritten++;
                    reclaimedRows += ref.deletedCount();
                } finally {
                    close(decoded);
                    close(kept);
                }
            }
            return result;
        }

        /** Writes {@code gathered} in {@code order} as row groups of at most ROW_GROUP_ROWS rows. */
        private void writeInOrder(ColumnVector[] gathered, int[] order, List<RowGroupRef> written) {
            int chunkRows = Math.min(order.length, SlicingTableAppender.ROW_GROUP_ROWS);
            ColumnVector[] chunk = allocate(chunkRows);
            try {
                for (int from = 0; from < order.length; from += chunkRows) {
                    int count = Math.min(chunkRows, order.length - from);
                    for (int c = 0; c < chunk.length; c++) {
                        chunk[c].reset();
                        for (int i = 0; i < count; i++) {
                            chunk[c].copyRow(gathered[c], order[from + i], i);
                        }
                    }
                    written.add(writer.writeOrdered(definition, chunk, 0, count, from > 0));
                    rowGroupsWritten++;
                }
            } finally {
                close(chunk);
            }
        }

        private void decode(RowGroup rowGroup, ColumnVector[] into) {
            for (int c = 0; c < into.length; c++) {
                rowGroup.decode(c, into[c]);
            }
        }

        private ColumnVector[] allocate(int capacity) {
            ColumnVector[] vectors = new ColumnVector[types.size()];
            try {
                for (int c = 0; c < vectors.length; c++) {
                    vectors[c] = ColumnVector.allocate(allocator, types.get(c), Math.max(1, capacity));
                }
            } catch (RuntimeException e) {
                close(vectors);
                throw e;
            }
            return vectors;
        }

        private static int liveCount(RowGroup rowGroup) {
            DeleteVector deletes = rowGroup.deletes();
            return deletes == null ? rowGroup.rowCount() : rowGroup.rowCount() - deletes.deletedCount();
        }

        private static int[] liveRows(RowGroup rowGroup) {
            DeleteVector deletes = rowGroup.deletes();
            int[] rows = new int[rowGroup.rowCount()];
            if (deletes == null) {
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = i;
                }
                return rows;
            }
            return Arrays.copyOf(rows, deletes.liveRows(rows));
        }

        private static void close(ColumnVector[] vectors) {
            if (vectors == null) {
                return;
            }
            for (ColumnVector vector : vectors) {
                if (vector != null) {
                    vector.close();
                }
            }
        }
    }
}
