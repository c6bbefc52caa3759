package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.LimitSpec;
import io.cepheid.storage.vector.Batch;

/** Skips {@code offset} rows, then passes at most {@code limit} rows (all when negative), trimming selections. */
final class LimitOperator implements Operator {
    private final Operator input;
    private long toSkip;
    private long remaining;
    private boolean closed;

    LimitOperator(LimitSpec spec, ExecutionContext context) {
        this.input = Operators.create(spec.input(), context);
        this.toSkip = Math.max(0, spec.offset());
        this.remaining = spec.limit() < 0 ? Long.MAX_VALUE : spec.limit();
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            Batch batch = input.next();
            if (batch == null) {
                return null;
            }
            int size = batch.size();
            int from = (int) Math.min(toSkip, size);
            toSkip -= from;
            int to = (int) Math.min(size, from + Math.min(remaining, size));
            if (to <= from) {
                batch.close();
                continue;
            }
            remaining -= to - from;
            if (from > 0 || to < size) {
                int[] rows = new int[to - from];
                for (int i = from; i < to; i++) {
                    rows[i - from] = batch.row(i);
                }
                batch.setSelection(rows, rows.length);
            }
            return batch;
        }
        return null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            input.close();
        }
    }
}
