package io.cepheid.storage.vector;

import java.util.Objects;

/**
 * A few thousand rows of several columns plus an optional selection vector. A filter sets the selection
 * (row indexes in ascending order) instead of copying; {@link #size()} counts the selected rows.
 *
 * <p>Ownership: whoever receives a batch from an operator owns it and must {@link #close()} it.
 */
public final class Batch implements AutoCloseable {
    /** Default rows per batch: a power of two that keeps one int column in 16 KiB of L1/L2. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final ColumnVector[] columns;
    private int rowCount;
    private int[] selection;
    private int selectedCount;

    public Batch(ColumnVector[] columns, int rowCount) {
        this.columns = Objects.requireNonNull(columns, "columns is null");
        this.rowCount = rowCount;
    }

    public ColumnVector column(int index) {
        return columns[index];
    }

    public ColumnVector[] columns() {
        return columns;
    }

    public int columnCount() {
        return columns.length;
    }

    /** Physical rows in the vectors, selected or not. */
    public int rowCount() {
        return rowCount;
    }

    public void setRowCount(int rowCount) {
        this.rowCount = rowCount;
    }

    /** The selection (ascending physical row indexes), or null when every row is selected. */
    public int[] selection() {
        return selection;
    }

    /** Rows that are part of the result. */
    public int size() {
        return selection == null ? rowCount : selectedCount;
    }

    /** The physical row of the i-th selected row. */
    public int row(int i) {
        return selection == null ? i : selection[i];
    }

    /** Restricts the batch to {@code count} rows listed in {@code selection} (ascending physical indexes). */
    public void setSelection(int[] selection, int count) {
        this.selection = selection;
        this.selectedCount = count;
    }

    public void clearSelection() {
        this.selection = null;
        this.selectedCount = 0;
    }

    @Override
    public void close() {
        for (ColumnVector column : columns) {
            if (column != null) {
                column.close();
            }
        }
    }
}
