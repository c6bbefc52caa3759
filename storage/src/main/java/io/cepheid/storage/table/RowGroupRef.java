package io.cepheid.storage.table;

/** A manifest's entry for one row group: the content-addressed file that holds it and its row count. */
public record RowGroupRef(String file, int rowCount) {
}
