package io.cepheid.server;

import io.cepheid.storage.catalog.Warehouse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded warehouse: the leader's state (storage, settings) and the worker threads that run slices.
 * In embedded mode the compute workers are this thread pool; fragments reach them as plain specs.
 */
public final class Engine implements AutoCloseable {
    private final String location;
    private final Warehouse warehouse;
    private final EngineConfig config;
    private final ExecutorService sliceExecutor;
    private final AtomicInteger sessionIds = new AtomicInteger();
    private final QueryHistory history = new QueryHistory();

    Engine(String location, Warehouse warehouse, EngineConfig config) {
        this.location = location;
        this.warehouse = warehouse;
        this.config = config;
        AtomicInteger threadIds = new AtomicInteger();
        this.sliceExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cepheid-slice-" + threadIds.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public String location() {
        return location;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    public EngineConfig config() {
        return config;
    }

    public ExecutorService sliceExecutor() {
        return sliceExecutor;
    }

    /** Recent statements of every session, for stl_query, sys_query_history and svl_query_summary. */
    QueryHistory history() {
        return history;
    }

    public Session openSession() {
        return new LeaderSession(this, sessionIds.incrementAndGet());
    }

    @Override
    public void close() {
        sliceExecutor.shutdownNow();
        warehouse.close();
    }
}
