package io.cepheid.storage.catalog;

/**
 * The storage side of one warehouse: a versioned catalog of schemas and tables, and their data split into
 * slices. Readers pin a {@link CatalogSnapshot}; writers change it through a {@link Transaction}.
 */
public interface Warehouse extends AutoCloseable {
    /** Slices per node: how many parts each table is split into and scanned in parallel. */
    int sliceCount();

    /** The latest committed version. */
    CatalogSnapshot snapshot();

    Transaction begin();

    @Override
    void close();
}
