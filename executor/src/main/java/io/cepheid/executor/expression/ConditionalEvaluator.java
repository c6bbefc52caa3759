package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * CASE and COALESCE. Each branch is evaluated only over the rows that reach it, so
 * {@code CASE WHEN b = 0 THEN 0 ELSE a / b END} never divides by zero.
 */
final class ConditionalEvaluator implements Evaluator {
    private final Function function;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;

    ConditionalEvaluator(Function function, List<Evaluator> arguments, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        int branchCount = function == Function.CASE ? arguments.size() / 2 + 1 : arguments.size();
        ColumnVector[] results = new ColumnVector[branchCount];
        int[] branchOfRow = new int[n];
        int[] positionInBranch = new int[n];
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = i;
        }
        int pendingCount = n;
        try {
            for (int branch = 0; branch < branchCount; branch++) {
                boolean last = branch == branchCount - 1;
                if (function == Function.CASE && !last) {
                    pendingCount = caseBranch(input, branch, pending, pendingCount, results, branchOfRow, positionInBranch);
                } else {
                    Evaluator value = function == Function.CASE ? arguments.getLast() : arguments.get(branch);
                    results[branch] = evaluateOn(value, input, pending, pendingCount);
                    int stillNull = 0;
                    for (int j = 0; j < pendingCount; j++) {
                        int row = pending[j];
                        if (!last && results[branch].isNull(j)) {
                            pending[stillNull++] = row;
                        } else {
                            branchOfRow[row] = branch;
                            positionInBranch[row] = j;
                        }
                    }
                    pendingCount = last ? 0 : stillNull;
                }
            }
            ColumnVector out = ColumnVector.allocate(allocator, type, n);
            try {
                for (int i = 0; i < n; i++) {
                    out.copyRow(results[branchOfRow[i]], positionInBranch[i], i);
                }
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
            return out;
        } finally {
            for (ColumnVector result : results) {
                if (result != null) {
                    result.close();
                }
            }
        }
    }

    /** Evaluates WHEN {@code branch} over the pending rows; rows where it is TRUE take its THEN. */
    private int caseBranch(Batch input, int branch, int[] pending, int pendingCount, ColumnVector[] results,
                           int[] branchOfRow, int[] positionInBranch) {
        int[] taken = new int[pendingCount];
        int takenCount = 0;
        int remaining = 0;
        try (ColumnVector condition = evaluateOn(arguments.get(2 * branch), input, pending, pendingCount)) {
            for (int j = 0; j < pendingCount; j++) {
                if (!condition.isNull(j) && condition.values().get(ValueLayout.JAVA_BYTE, j) != 0) {
                    taken[takenCount++] = pending[j];
                } else {
                    pending[remaining++] = pending[j];
                }
            }
        }
        results[branch] = evaluateOn(arguments.get(2 * branch + 1), input, taken, takenCount);
        for (int j = 0; j < takenCount; j++) {
            branchOfRow[taken[j]] = branch;
            positionInBranch[taken[j]] = j;
        }
        return remaining;
    }

    /** Evaluates over a subset of the input's selected rows (given as positions among them). */
    static ColumnVector evaluateOn(Evaluator evaluator, Batch input, int[] positions, int count) {
        if (count == input.size()) {
            return evaluator.evaluate(input);
        }
        int[] rows = new int[count];
        for (int j = 0; j < count; j++) {
            rows[j] = input.row(positions[j]);
        }
        // A view over the same vectors: never closed, it owns nothing.
        Batch view = new Batch(input.columns(), input.rowCount());
        view.setSelection(rows, count);
        return evaluator.evaluate(view);
    }
}
