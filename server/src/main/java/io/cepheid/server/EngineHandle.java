package io.cepheid.server;

/**
 * A reference to a running embedded warehouse (leader + workers in this JVM). Several handles may share
 * one engine: the engine shuts down when the last handle is closed.
 */
public interface EngineHandle extends AutoCloseable {
    Session openSession();

    @Override
    void close();
}
