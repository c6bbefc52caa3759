package io.cepheid.storage.table;

/**
 * A manifest's entry for one row group: the content-addressed file that holds it, its row count, and,
 * once rows of it were deleted, the delete-vector file that marks them ({@code deleteFile} null and
 * {@code deletedCount} 0 while none is).
 */
public record RowGroupRef(String file, int rowCount, String deleteFile, int deletedCount) {
    public RowGroupRef {
        if (deletedCount < 0 || deletedCount >= rowCount && rowCount > 0 || (deleteFile == null) != (deletedCount == 0)) {
            throw new IllegalArgumentException("row group " + file + " of " + rowCount + " rows cannot have "
                    + deletedCount + " deleted rows (delete vector " + deleteFile + ")");
        }
    }

    public RowGroupRef(String file, int rowCount) {
        this(file, rowCount, null, 0);
    }

    /** Rows a scan returns: stored rows less deleted ones. */
    public int liveRowCount() {
        return rowCount - deletedCount;
    }

    public RowGroupRef withDeletes(String newDeleteFile, int newDeletedCount) {
        return new RowGroupRef(file, rowCount, newDeleteFile, newDeletedCount);
    }
}
