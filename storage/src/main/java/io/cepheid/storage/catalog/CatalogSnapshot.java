package io.cepheid.storage.catalog;

import io.cepheid.storage.table.TableSnapshot;

import java.util.List;
import java.util.Optional;

/** One committed version of the whole catalog: schemas, table definitions and their data, views. Immutable. */
public interface CatalogSnapshot {
    long version();

    /** Schema names, always including {@code public}. */
    List<String> schemas();

    List<TableDefinition> tables();

    Optional<TableSnapshot> table(String schema, String name);

    /** Slices every table is split into (stv_slices lists them). */
    default int sliceCount() {
        return 1;
    }

    /** The views; none by default, so catalogs that only serve tables (test doubles) need not say so. */
    default List<ViewDefinition> views() {
        return List.of();
    }

    default Optional<ViewDefinition> view(String schema, String name) {
        return Optional.empty();
    }
}
