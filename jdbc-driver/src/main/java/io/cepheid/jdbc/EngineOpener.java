package io.cepheid.jdbc;

import io.cepheid.server.EngineHandle;

import java.util.Properties;

/** How the driver reaches an embedded engine for a location: {@code Engines::open}, or a fake in tests. */
@FunctionalInterface
public interface EngineOpener {
    EngineHandle open(String location, Properties properties);
}
