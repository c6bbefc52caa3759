package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.RedistributeSpec;
import io.cepheid.storage.vector.Batch;

/**
 * One consumer slice of a hash redistribution: once every producer slice has run, returns the rows whose
 * key hashes to this slice. Each partition has one consumer, so its chunks are handed over without a copy.
 * Outside a fragment it reads the input directly.
 */
final class RedistributeOperator implements Operator {
    private final ExecutionContext context;
    private final Operator direct;
    private final SliceExchange exchange;
    private boolean produced;
    private boolean closed;

    RedistributeOperator(RedistributeSpec spec, ExecutionContext context) {
        this.context = context;
        if (context.slice() == ExecutionContext.ALL_SLICES) {
            this.direct = Operators.create(spec.input(), context);
            this.exchange = null;
        } else {
            this.direct = null;
            this.exchange = SliceExchanges.of(context)
                    .exchange(spec, () -> SliceExchange.redistribute(spec.input(), spec.keyColumn(), context));
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
        return exchange.bufferFor(context.slice()).take();
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
