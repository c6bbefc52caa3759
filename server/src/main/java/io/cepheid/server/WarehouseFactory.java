package io.cepheid.server;

import io.cepheid.storage.catalog.Warehouse;

import java.nio.file.Path;

/** Creates the storage behind an engine: on disk or in memory. */
final class WarehouseFactory {
    private WarehouseFactory() {
    }

    static Warehouse open(Path directory, int slices) {
        throw new IllegalStateException("engine not wired yet: " + directory);
    }

    static Warehouse inMemory(int slices) {
        throw new IllegalStateException("engine not wired yet: mem");
    }
}
