package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The exchanges of one run of a slice fragment, shared by its slices: the first slice that reaches an
 * exchange spec creates its {@link SliceExchange}, the others find it (by spec identity: every slice's
 * operators are built from the same spec objects). The fragment's gather closes it after every slice has
 * finished, freeing whatever rows a failed or abandoned slice left behind.
 */
public final class SliceExchanges implements AutoCloseable {
    private final Map<PlanSpec, SliceExchange> exchanges = new IdentityHashMap<>();
    private boolean closed;

    /** The exchanges of the fragment {@code context} runs in. */
    static SliceExchanges of(ExecutionContext context) {
        if (context.exchanges() == null) {
            throw new IllegalStateException("an exchange on slice " + context.slice() + " outside a fragment");
        }
        return context.exchanges();
    }

    synchronized SliceExchange exchange(PlanSpec spec, Supplier<SliceExchange> create) {
        if (closed) {
            throw new IllegalStateException("fragment already finished");
        }
        return exchanges.computeIfAbsent(spec, s -> create.get());
    }

    /** Stops the exchanges' producers and wakes their waiting consumers, which fail with QUERY_CANCELED. */
    void cancel() {
        List<SliceExchange> open;
        synchronized (this) {
            open = new ArrayList<>(exchanges.values());
        }
        for (SliceExchange exchange : open) {
            exchange.cancel();
        }
    }

    @Override
    public void close() {
        List<SliceExchange> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(exchanges.values());
            exchanges.clear();
        }
        for (SliceExchange exchange : open) {
            exchange.close();
        }
    }
}
