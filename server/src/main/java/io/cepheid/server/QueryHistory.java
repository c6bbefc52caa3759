package io.cepheid.server;

import io.cepheid.planner.catalog.QueryLog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's most recent finished statements, a ring of {@link #CAPACITY}: the 10,001st statement pushes
 * out the first. Query ids count up from 1 per engine, in the order statements start.
 */
final class QueryHistory implements QueryLog {
    static final int CAPACITY = 10_000;

    private final AtomicLong queryIds = new AtomicLong();
    private final LoggedQuery[] ring;
    private int next;
    private int size;

    QueryHistory() {
        this(CAPACITY);
    }

    QueryHistory(int capacity) {
        this.ring = new LoggedQuery[capacity];
    }

    long nextQueryId() {
        return queryIds.incrementAndGet();
    }

    synchronized void add(LoggedQuery query) {
        ring[next] = query;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    @Override
    public synchronized List<LoggedQuery> queries() {
        List<LoggedQuery> queries = new ArrayList<>(size);
        int first = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            queries.add(ring[(first + i) % ring.length]);
        }
        return queries;
    }
}
