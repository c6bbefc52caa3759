package io.cepheid.executor.expression;

import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * A compiled expression: evaluates over the selected rows of a batch into a new dense vector (row i of the
 * result is the i-th selected row), owned by the caller. Built once per operator by
 * {@link ExpressionCompiler}; holds only scratch state, so one instance serves one thread.
 */
public interface Evaluator {
    SqlType type();

    ColumnVector evaluate(Batch input);
}
