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
    /** movable[i]: expression i is a bare column that no other expression reads, so its vector can move. */
    private final boolean[] movable;
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
        this.movable = movableColumns(expressions);
    }

    private static boolean[] movableColumns(List<ExprSpec> expressions) {
        java.util.Map<Integer, Integer> reads = new java.util.HashMap<>();
        for (ExprSpec expression : expressions) {
            countReads(expression, reads);
        }
        boolean[] movable = new boolean[expressions.size()];
        for (int i = 0; i < movable.length; i++) {
            movable[i] = expressions.get(i) instanceof ExprSpec.InputRef ref && reads.get(ref.index()) == 1;
        }
        return movable;
    }

    private static void countReads(ExprSpec expression, java.util.Map<Integer, Integer> reads) {
        switch (expression) {
            case ExprSpec.InputRef ref -> reads.merge(ref.index(), 1, Integer::sum);
            case ExprSpec.Literal literal -> {
            }
            case ExprSpec.Call call -> call.arguments().forEach(argument -> countReads(argument, reads));
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
                for (int i = 0; i < evaluators.length; i++) {
                    if (in.selection() == null && movable[i] && expressions.get(i) instanceof ExprSpec.InputRef ref) {
                        // Moving the vector: the input batch no longer owns (or closes) it.
                        columns[i] = in.column(ref.index());
                        in.columns()[ref.index()] = null;
                    } else {
                        columns[i] = evaluators[i].evaluate(in);
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
