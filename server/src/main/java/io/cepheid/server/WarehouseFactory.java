package io.cepheid.server;

import io.cepheid.storage.catalog.LocalWarehouse;
import io.cepheid.storage.catalog.Warehouse;

import java.nio.file.Path;

/** Creates the storage behind an engine: on disk or in memory. */
final class WarehouseFactory {
    private WarehouseFactory() {
    }

    static Warehouse open(Path directory, int slices) {
        return LocalWarehouse.open(directory, slices);
    }

    static Warehouse inMemory(int slices) {
        return LocalWarehouse.inMemory(slices);
    }
}
