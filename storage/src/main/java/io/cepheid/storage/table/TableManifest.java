package io.cepheid.storage.table;

import io.cepheid.storage.catalog.DistStyle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row-group files make up one version of a table, slice by slice. {@code layout} is how the rows
 * were actually distributed: EVEN, KEY or ALL, never AUTO (an AUTO table is stored as one of the others).
 * A replicated (ALL) table keeps its single copy in slice 0 and no row groups in the other slices.
 */
public record TableManifest(DistStyle layout, List<List<RowGroupRef>> slices) {
    public TableManifest {
        if (layout == DistStyle.AUTO) {
            throw new IllegalArgumentException("a stored layout is EVEN, KEY or ALL, not AUTO");
        }
        slices = slices.stream().<List<RowGroupRef>>map(List::copyOf).toList();
    }

    public static TableManifest empty(DistStyle layout, int sliceCount) {
        List<List<RowGroupRef>> slices = new ArrayList<>(sliceCount);
        for (int i = 0; i < sliceCount; i++) {
            slices.add(List.of());
        }
        return new TableManifest(layout, slices);
    }

    public boolean replicated() {
        return layout == DistStyle.ALL;
    }

    public int sliceCount() {
        return slices.size();
    }

    /** Rows a scan returns: stored rows less deleted ones. */
    public long rowCount() {
        long rows = 0;
        for (List<RowGroupRef> slice : slices) {
            for (RowGroupRef rowGroup : slice) {
                rows += rowGroup.liveRowCount();
            }
        }
        return rows;
    }

    /** Rows marked deleted by delete vectors, still stored until the row groups are rewritten. */
    public long deletedRowCount() {
        long rows = 0;
        for (List<RowGroupRef> slice : slices) {
            for (RowGroupRef rowGroup : slice) {
                rows += rowGroup.deletedCount();
            }
        }
        return rows;
    }

    /**
     * Rows inserted or deleted between {@code older} and this manifest: the live rows of row groups only one
     * of them holds, plus rows newly marked deleted in row groups both hold. Row groups are matched by file;
     * equal content (two identical INSERTs) gives equal files, so each file is matched once per occurrence.
     */
    public long rowsChangedFrom(TableManifest older) {
        Map<String, ArrayDeque<RowGroupRef>> before = new HashMap<>();
        for (List<RowGroupRef> slice : older.slices) {
            for (RowGroupRef rowGroup : slice) {
                before.computeIfAbsent(rowGroup.file(), f -> new ArrayDeque<>()).add(rowGroup);
            }
        }
        long changed = 0;
        for (List<RowGroupRef> slice : slices) {
            for (RowGroupRef rowGroup : slice) {
                ArrayDeque<RowGroupRef> same = before.get(rowGroup.file());
                RowGroupRef old = same == null ? null : same.poll();
                changed += old == null ? rowGroup.liveRowCount() : Math.max(0, rowGroup.deletedCount() - old.deletedCount());
            }
        }
        for (ArrayDeque<RowGroupRef> removed : before.values()) {
            for (RowGroupRef rowGroup : removed) {
                changed += rowGroup.liveRowCount();
            }
        }
        return changed;
    }

    /** Every row-group and delete-vector file this version references. */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        for (List<RowGroupRef> slice : slices) {
            for (RowGroupRef rowGroup : slice) {
                files.add(rowGroup.file());
                if (rowGroup.deleteFile() != null) {
                    files.add(rowGroup.deleteFile());
                }
            }
        }
        return files;
    }

    /** This manifest plus new row groups per slice ({@code added.get(slice)}). */
    public TableManifest plus(List<List<RowGroupRef>> added) {
        List<List<RowGroupRef>> merged = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            List<RowGroupRef> slice = new ArrayList<>(slices.get(i));
            slice.addAll(added.get(i));
            merged.add(slice);
        }
        return new TableManifest(layout, merged);
    }
}
