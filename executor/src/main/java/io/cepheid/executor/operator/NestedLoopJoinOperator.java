package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.NestedLoopJoinSpec;

/**
 * Join without equality keys: every selected left row is paired with every buffered right row and the
 * condition (if any) filters the pairs, for every join kind.
 */
final class NestedLoopJoinOperator extends AbstractJoinOperator {
    private int position;
    private int rightRow;

    NestedLoopJoinOperator(NestedLoopJoinSpec spec, ExecutionContext context) {
        super(spec.left(), spec.right(), spec.kind(), spec.condition(), context);
    }

    @Override
    protected void buildFinished() {
    }

    @Override
    protected void startLeftBatch() {
        position = 0;
        rightRow = 0;
    }

    @Override
    protected int nextCandidates(int[] leftPositions, int[] rightRows, int capacity) {
        int rows = build.rowCount();
        if (rows == 0) {
            return 0;
        }
        int size = current.size();
        int lastRight = firstMatchOnly() ? 1 : rows;
        int count = 0;
        while (count < capacity && position < size) {
            leftPositions[count] = position;
            rightRows[count] = rightRow;
            count++;
            if (++rightRow == lastRight) {
                rightRow = 0;
                position++;
            }
        }
        return count;
    }

    @Override
    protected void closeStructures() {
    }
}
