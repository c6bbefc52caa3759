package io.cepheid.server;

import java.util.Properties;

/**
 * Opens embedded warehouses by location, sharing one engine per location within the JVM.
 * Locations: {@code mem:} (a private in-memory warehouse), {@code mem:name} (in-memory, shared by name),
 * {@code file:/dir} or a plain directory path (on disk, created if missing).
 * Properties: {@code query_memory_limit} (bytes per query), {@code slices} (slices per node).
 */
public final class Engines {
    private Engines() {
    }

    public static EngineHandle open(String location, Properties properties) {
        throw new IllegalStateException("engine not wired yet: " + location);
    }
}
