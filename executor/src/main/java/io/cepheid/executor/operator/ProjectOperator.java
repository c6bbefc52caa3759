package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Evaluator;
import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.ExpressionCompiler;
import io.cepheid.executor.fragment.ProjectSpec;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Computes one output column per expression. A bare column reference over an unfiltered batch hands the
 * input vector over instead of copying it.
 */
final class ProjectOperator implements Operator {
    private final Operator input;
    private final List<ExprSpec> expressions;
    private final Evaluator[] evaluators;
    private boolean closed;

    ProjectOperator(ProjectSpec spec, ExecutionContext context) {
        this.input = Operators.create(spec.input(), context);
        this.expressions = spec.expressions();
        try {
            this.evaluators = new Evaluator[expressions.size()];
            for (int i = 0; i < evaluators.length; i++) {
                evaluators[i] = ExpressionCompiler.compile(expressions.get(i), context.allocator());
            }
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, input);
            throw e;
        }
    }

    @Override
    public Batch next() {
        Batch next;
        while ((next = input.next()) != null) {
            if (next.size() > 0) {
                break;
            }
            next.close();
        }
        if (next == null) {
            return null;
        }
        try (Batch in = next) {
            int n = in.size();
            ColumnVector[] columns = new ColumnVector[evaluators.length];
            Batch out = new Batch(columns, n);
            try {
                // The first reference to a column of an unfiltered batch takes the vector; all else is evaluated
                // before any vector leaves the input.
                boolean[] moves = new boolean[evaluators.length];
                boolean[] taken = new boolean[in.columnCount()];
                for (int i = 0; i < evaluators.length; i++) {
                    if (in.selection() == null && expressions.get(i) instanceof ExprSpec.InputRef ref && !taken[ref.index()]) {
                        moves[i] = true;
                        taken[ref.index()] = true;
                    }
                }
                for (int i = 0; i < evaluators.length; i++) {
                    if (!moves[i]) {
                        columns[i] = evaluators[i].evaluate(in);
                    }
                }
                for (int i = 0; i < evaluators.length; i++) {
                    if (moves[i]) {
                        int index = ((ExprSpec.InputRef) expressions.get(i)).index();
                        columns[i] = in.column(index);
                        in.columns()[index] = null;
                    }
                }
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
            return out;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            input.close();
        }
    }
}
