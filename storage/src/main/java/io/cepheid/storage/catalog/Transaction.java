package io.cepheid.storage.catalog;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableAppender;
import io.cepheid.storage.table.TableVacuum;
import io.cepheid.storage.table.VacuumOptions;

/**
 * A set of catalog and data changes that commit atomically or not at all. Changes are invisible to others
 * until {@link #commit()}; closing without commit discards them (files written are garbage collected).
 * A commit that conflicts with one committed since {@link #base()} fails with SQLSTATE 40001.
 */
public interface Transaction extends AutoCloseable {
    /** The version this transaction started from, with its own changes applied. */
    CatalogSnapshot view();

    CatalogSnapshot base();

    void createSchema(String name);

    void createTable(TableDefinition definition);

    void dropTable(String schema, String name);

    /** Creates the view, or with {@code replace} replaces one of the same name; a table of that name is 42P07. */
    void createView(ViewDefinition definition, boolean replace);

    void dropView(String schema, String name);

    TableAppender appender(String schema, String table);

    /**
     * Replaces the definition of table {@code schema.name} by {@code definition}, keeping its data: for
     * changes that leave the stored columns as they are (renaming the table or a column). The new definition
     * must have the same schema and the same column types in the same order; a new name must be free.
     */
    void redefineTable(String schema, String name, TableDefinition definition);

    /**
     * Marks rows deleted: {@code rowIds[0, count)} are {@link io.cepheid.storage.table.RowId}s read from this
     * transaction's {@link #view()} of the table (duplicates allowed; the array is sorted in place). Rows
     * appended since that view keep their positions, so an UPDATE may append its new rows first. Returns
     * how many rows were deleted by this call.
     */
    long delete(String schema, String table, long[] rowIds, int count);

    /**
     * Stores ANALYZE statistics for the table: columns in {@code statistics} replace their earlier
     * statistics, others keep theirs, and the count of rows changed since ANALYZE restarts at zero.
     */
    default void setStatistics(String schema, String table, TableStatistics statistics) {
        setStatistics(schema, table, statistics, 0);
    }

    /**
     * Stores statistics gathered earlier, with {@code rowsChangedSinceAnalyze} rows changed since: what a
     * table rewritten by ALTER TABLE ADD/DROP COLUMN carries over from the table it replaces.
     */
    void setStatistics(String schema, String table, TableStatistics statistics, long rowsChangedSinceAnalyze);

    /** Removes every row of the table (its row groups leave the manifest; the files stay for older readers). */
    void truncate(String schema, String table);

    /**
     * VACUUM: rewrites the table's row groups to drop deleted rows and restore sort order, as
     * {@code options} asks (see {@link TableVacuum}); the new files replace the old ones when this
     * transaction commits. Decoded rows are charged to {@code allocator}. Not allowed after rows were
     * appended to the table in this transaction.
     */
    TableVacuum.Result vacuum(String schema, String table, VacuumOptions options, BufferAllocator allocator);

    void commit();

    /** Discards the transaction if it was not committed. */
    @Override
    void close();
}
