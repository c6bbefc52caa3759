package io.cepheid.storage.table;

/**
 * A manifest's entry for one row group: the content-addressed file that holds it, its row count, and,
 * once rows of it were deleted, the delete-vector file that marks them ({@code deleteFile} null and
 * {@code deletedCount} 0 while none is). {@code continuesSortedRun} is set on the row groups VACUUM writes
 * after the first of a slice: their rows follow the previous row group's in sort order, which zone maps
 * alone cannot tell for an INTERLEAVED sort key (see {@link SortedRegion}).
 */
public record RowGroupRef(String file, int rowCount, String deleteFile, int deletedCount, boolean continuesSortedRun) {
    public RowGroupRef {
        if (deletedCount < 0 || deletedCount >= rowCount && rowCount > 0 || (deleteFile == null) != (deletedCount == 0)) {
            throw new IllegalArgumentException("row group " + file + " of " + rowCount + " rows cannot have "
                    + deletedCount + " deleted rows (delete vector " + deleteFile + ")");
        }
    }

    public RowGroupRef(String file, int rowCount) {
        this(file, rowCount, null, 0, false);
    }

    public RowGroupRef(String file, int rowCount, String deleteFile, int deletedCount) {
        this(file, rowCount, deleteFile, deletedCount, false);
    }

    /** Rows a scan returns: stored rows less deleted ones. */
    public int liveRowCount() {
        return rowCount - deletedCount;
    }

    public RowGroupRef withDeletes(String newDeleteFile, int newDeletedCount) {
        return new RowGroupRef(file, rowCount, newDeleteFile, newDeletedCount, continuesSortedRun);
    }
}
