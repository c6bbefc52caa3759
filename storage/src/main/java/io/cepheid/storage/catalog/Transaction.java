package io.cepheid.storage.catalog;

import io.cepheid.storage.table.TableAppender;

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

    void commit();

    /** Discards the transaction if it was not committed. */
    @Override
    void close();
}
