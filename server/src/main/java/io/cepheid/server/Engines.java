package io.cepheid.server;

import io.cepheid.storage.catalog.Warehouse;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Opens embedded warehouses by location, sharing one engine per location within the JVM.
 * Locations: {@code mem:} (a private in-memory warehouse), {@code mem:name} (in-memory, shared by name),
 * {@code file:/dir} or a plain directory path (on disk, created if missing).
 * Properties: {@code query_memory_limit} (bytes per query, or with kB/MB/GB), {@code slices} (slices per node).
 */
public final class Engines {
    private static final Map<String, SharedEngine> OPEN = new HashMap<>();

    private Engines() {
    }

    public static EngineHandle open(String location, Properties properties) {
        EngineConfig config = EngineConfig.from(properties);
        if (location.equals("mem:")) {
            Engine engine = new Engine(location, WarehouseFactory.inMemory(config.slices()), config);
            return new Handle(new SharedEngine(null, engine));
        }
        String key = key(location);
        synchronized (OPEN) {
            SharedEngine shared = OPEN.get(key);
            if (shared == null) {
                Warehouse warehouse = key.startsWith("mem:")
                        ? WarehouseFactory.inMemory(config.slices())
                        : WarehouseFactory.open(Path.of(key.substring("file:".length())), config.slices());
                shared = new SharedEngine(key, new Engine(key, warehouse, config));
                OPEN.put(key, shared);
            }
            shared.references++;
            return new Handle(shared);
        }
    }

    /** Canonical form of a location, so {@code file:./data} and {@code file:data} share an engine. */
    private static String key(String location) {
        if (location.startsWith("mem:")) {
            return location;
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (path.isBlank()) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "warehouse location \"" + location + "\" names no directory");
        }
        return "file:" + Path.of(path).toAbsolutePath().normalize();
    }

    private static final class SharedEngine {
        final String key;
        final Engine engine;
        int references;

        SharedEngine(String key, Engine engine) {
            this.key = key;
            this.engine = engine;
        }
    }

    private static final class Handle implements EngineHandle {
        private final SharedEngine shared;
        private boolean closed;

        Handle(SharedEngine shared) {
            this.shared = shared;
        }

        @Override
        public Session openSession() {
            return shared.engine.openSession();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (shared.key == null) {
                shared.engine.close();
                return;
            }
            synchronized (OPEN) {
                if (--shared.references == 0) {
                    OPEN.remove(shared.key);
                    shared.engine.close();
                }
            }
        }
    }
}
