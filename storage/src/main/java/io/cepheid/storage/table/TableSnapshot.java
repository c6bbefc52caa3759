package io.cepheid.storage.table;

import io.cepheid.storage.catalog.TableDefinition;

import java.util.List;

/** A table as of one committed version: what a query reads. Never changes once obtained. */
public interface TableSnapshot {
    TableDefinition definition();

    int sliceCount();

    /** Row groups of a slice, in storage order (sorted by the sort key within each row group). */
    List<RowGroup> rowGroups(int slice);

    long rowCount();
}
