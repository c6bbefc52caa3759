package io.cepheid.executor.operator;

import io.cepheid.executor.expression.FilterPredicate;
import io.cepheid.executor.fragment.FilterSpec;
import io.cepheid.storage.vector.Batch;

/** Keeps the rows where the condition is TRUE by narrowing each batch's selection; never copies values. */
final class FilterOperator implements Operator {
    private final Operator input;
    private final FilterPredicate predicate;
    private boolean closed;

    FilterOperator(FilterSpec spec, ExecutionContext context) {
        this.input = Operators.create(spec.input(), context);
        try {
            this.predicate = FilterPredicate.compile(spec.condition(), context.allocator());
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, input);
            throw e;
        }
    }

    @Override
    public Batch next() {
        Batch batch;
        while ((batch = input.next()) != null) {
            try {
                predicate.apply(batch);
            } catch (RuntimeException e) {
                batch.close();
                throw e;
            }
            if (batch.size() > 0) {
                return batch;
            }
            batch.close();
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
