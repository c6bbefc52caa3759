package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.storage.vector.Batch;

/**
 * Runs the child spec once per slice and hands their batches, in whatever order they arrive, to the single
 * consumer (see {@link SliceRun} for how slices run, fail and stop).
 */
final class GatherOperator implements Operator {
    private final SliceRun run;

    GatherOperator(GatherSpec spec, ExecutionContext context) {
        this.run = new SliceRun(spec.input(), context, false);
    }

    @Override
    public Batch next() {
        return run.next(0);
    }

    @Override
    public void close() {
        run.close();
    }
}
