package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.executor.fragment.UnionAllSpec;
import io.cepheid.storage.vector.Batch;

import java.util.ArrayList;
import java.util.List;

/** Returns every batch of its first input, then of the second, and so on. */
final class UnionAllOperator implements Operator {
    private final List<Operator> inputs = new ArrayList<>();
    private int current;
    private boolean closed;

    UnionAllOperator(UnionAllSpec spec, ExecutionContext context) {
        try {
            for (PlanSpec input : spec.inputs()) {
                inputs.add(Operators.create(input, context));
            }
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, inputs.toArray(new AutoCloseable[0]));
            throw e;
        }
    }

    @Override
    public Batch next() {
        while (current < inputs.size()) {
            Batch batch = inputs.get(current).next();
            if (batch != null) {
                return batch;
            }
            // Free an exhausted input's memory now rather than at the end of the query.
            inputs.get(current).close();
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (Operator input : inputs) {
            try {
                input.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
