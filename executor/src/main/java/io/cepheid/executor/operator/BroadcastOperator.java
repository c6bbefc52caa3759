package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.BroadcastSpec;
import io.cepheid.storage.vector.Batch;

/**
 * One consumer slice of a broadcast: once every producer slice has run, returns a copy of every row the
 * producers sent, chunk by chunk. The rows are held once per query; each slice copies a chunk at a time
 * (its hash-join build keeps its own table). Outside a fragment it reads the input directly.
 */
final class BroadcastOperator implements Operator {
    private final ExecutionContext context;
    private final Operator direct;
    private final SliceExchange exchange;
    private boolean produced;
    private int nextChunk;
    private boolean closed;

    BroadcastOperator(BroadcastSpec spec, ExecutionContext context) {
        this.context = context;
        if (context.slice() == ExecutionContext.ALL_SLICES) {
            this.direct = Operators.create(spec.input(), context);
            this.exchange = null;
        } else {
            this.direct = null;
            this.exchange = SliceExchanges.of(context)
                    .exchange(spec, () -> SliceExchange.broadcast(spec.input(), context));
        }
    }

    @Override
    public Batch next() {
        if (direct != null) {
            return direct.next();
        }
        if (!produced) {
            exchange.awaitProduced(context);
            produced = true;
        }
        ExchangeBuffer buffer = exchange.bufferFor(context.slice());
        return nextChunk < buffer.chunkCount() ? buffer.copy(nextChunk++, context.allocator()) : null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (direct != null) {
            direct.close();
        } else {
            exchange.consumerClosed();
        }
    }
}
