package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/** A column of the input, copied densely from the batch's selected rows. */
final class InputRefEvaluator implements Evaluator {
    private final int index;
    private final SqlType type;
    private final BufferAllocator allocator;

    InputRefEvaluator(int index, SqlType type, BufferAllocator allocator) {
        this.index = index;
        this.type = type;
        this.allocator = allocator;
    }

    int index() {
        return index;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        ColumnVector source = input.column(index);
        int n = input.size();
        ColumnVector out = ColumnVector.allocate(allocator, source.type(), n);
        try {
            Vectors.gather(source, input.selection(), n, out, 0);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
