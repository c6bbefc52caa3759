package io.cepheid.executor.operator;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.executor.expression.FilterPredicate;
import io.cepheid.executor.expression.Vectors;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * What hash and nested-loop joins share: the right input buffered in a {@link RowStore}, candidate (left row,
 * right row) pairs turned into joined batches, the optional condition applied as a selection, match tracking
 * for outer, semi and anti joins, and the unmatched rows of LEFT/FULL (per left batch) and RIGHT/FULL (at the
 * end) padded with nulls. Subclasses only say which pairs are candidates.
 */
abstract class AbstractJoinOperator implements Operator {
    private enum Phase { PROBE, RIGHT_UNMATCHED, DONE }

    protected final ExecutionContext context;
    protected final JoinKind kind;
    private final Operator left;
    private final Operator right;
    private final List<SqlType> leftTypes;
    private final List<SqlType> rightTypes;
    private final ExprSpec conditionSpec;
    private FilterPredicate condition;
    protected RowStore build;
    private OffHeapLongs rightMatched;
    private Phase phase = Phase.PROBE;
    private boolean built;
    private boolean closed;
    protected Batch current;
    private boolean[] leftMatched;
    private int[] pendingLeft;
    private int pendingLeftCount;
    private int pendingLeftDone;
    private int nextRightRow;
    private final int[] leftPositions = new int[Batch.DEFAULT_CAPACITY];
    private final int[] rightRows = new int[Batch.DEFAULT_CAPACITY];

    AbstractJoinOperator(PlanSpec leftSpec, PlanSpec rightSpec, JoinKind kind, ExprSpec condition, ExecutionContext context) {
        this.context = context;
        this.kind = kind;
        this.leftTypes = leftSpec.outputTypes();
        this.rightTypes = rightSpec.outputTypes();
        this.conditionSpec = condition;
        this.left = Operators.create(leftSpec, context);
        Operator rightOperator = null;
        try {
            rightOperator = Operators.create(rightSpec, context);
            if (condition != null) {
                this.condition = FilterPredicate.compile(condition, context.allocator());
            }
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, left, rightOperator);
            throw e;
        }
        this.right = rightOperator;
    }

    /**
     * A join over inputs that are already running (a spilled partition's files); it owns and closes them,
     * also when this constructor fails.
     */
    AbstractJoinOperator(Operator left, Operator right, List<SqlType> leftTypes, List<SqlType> rightTypes, JoinKind kind,
                         ExprSpec condition, ExecutionContext context) {
        this.context = context;
        this.kind = kind;
        this.leftTypes = leftTypes;
        this.rightTypes = rightTypes;
        this.conditionSpec = condition;
        this.left = left;
        this.right = right;
        try {
            if (condition != null) {
                this.condition = FilterPredicate.compile(condition, context.allocator());
            }
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, left, right);
            throw e;
        }
    }

    /** The probe input, for a subclass that takes the rest of the join over (see {@link #stopBuilding()}). */
    protected final Operator leftInput() {
        return left;
    }

    /** The build input, for a subclass that takes the rest of the join over (see {@link #stopBuilding()}). */
    protected final Operator rightInput() {
        return right;
    }

    /**
     * Asked after each build batch is in {@link #build}: true ends this in-memory join there (the subclass
     * takes the rows built so far and the unread rest of both inputs, and {@link #next()} here returns null).
     */
    protected boolean stopBuilding() {
        return false;
    }

    /** True when only whether a left row matches matters, so one candidate per left row is enough. */
    protected boolean firstMatchOnly() {
        return conditionSpec == null && (kind == JoinKind.SEMI || kind == JoinKind.ANTI);
    }

    /** Called once the right input is in {@link #build}. */
    protected abstract void buildFinished();

    /** Called for each new non-empty left batch, {@link #current}. */
    protected abstract void startLeftBatch();

    /** Writes up to {@code capacity} candidate pairs (left selected position, right row id); 0 = batch done. */
    protected abstract int nextCandidates(int[] leftPositions, int[] rightRows, int capacity);

    @Override
    public Batch next() {
        if (!built) {
            buildRight();
        }
        while (true) {
            // Once per output batch (or per probe batch that matched nothing): a probe can run long on one input batch.
            context.checkCancelled();
            switch (phase) {
                case PROBE -> {
                    Batch out = probeStep();
                    if (out != null) {
                        return out;
                    }
                }
                case RIGHT_UNMATCHED -> {
                    Batch out = emitUnmatchedRight();
                    if (out != null) {
                        return out;
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                    return null;
                }
            }
        }
    }

    private void buildRight() {
        build = new RowStore(context.allocator(), rightTypes);
        for (Batch next = right.next(); next != null; next = right.next()) {
            try (Batch batch = next) {
                context.checkCancelled();
                build.append(batch);
            }
            if (stopBuilding()) {
                phase = Phase.DONE;
                built = true;
                return;
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            rightMatched = new OffHeapLongs(context.allocator(), (build.rowCount() + 63L) >>> 6, 0);
        }
        buildFinished();
        built = true;
    }

    /** One step of probing; null when it produced no batch (the caller loops). */
    private Batch probeStep() {
        if (pendingLeft != null) {
            return emitPendingLeft();
        }
        if (current == null) {
            Batch next = left.next();
            if (next == null) {
                phase = kind == JoinKind.RIGHT || kind == JoinKind.FULL ? Phase.RIGHT_UNMATCHED : Phase.DONE;
                return null;
            }
            if (next.size() == 0) {
                next.close();
                return null;
            }
            current = next;
            leftMatched = new boolean[next.size()];
            startLeftBatch();
        }
        int count = nextCandidates(leftPositions, rightRows, leftPositions.length);
        if (count > 0) {
            return joinPairs(count);
        }
        return finishLeftBatch();
    }

    private Batch joinPairs(int count) {
        if (firstMatchOnly()) {
            for (int j = 0; j < count; j++) {
                leftMatched[leftPositions[j]] = true;
            }
            return null;
        }
        Batch joined = pairBatch(count);
        try {
            if (condition != null) {
                condition.apply(joined);
            }
            for (int s = 0; s < joined.size(); s++) {
                int pair = joined.row(s);
                leftMatched[leftPositions[pair]] = true;
                if (rightMatched != null) {
                    int row = rightRows[pair];
                    rightMatched.set(row >>> 6, rightMatched.get(row >>> 6) | 1L << (row & 63));
                }
            }
        } catch (RuntimeException e) {
            joined.close();
            throw e;
        }
        if (kind == JoinKind.SEMI || kind == JoinKind.ANTI || joined.size() == 0) {
            joined.close();
            return null;
        }
        return joined;
    }

    /** The joined rows (left columns, then right columns) of the candidate pairs. */
    private Batch pairBatch(int count) {
        ColumnVector[] columns = new ColumnVector[leftTypes.size() + rightTypes.size()];
        Batch joined = new Batch(columns, count);
        try {
            int[] physicalRows = new int[count];
            for (int j = 0; j < count; j++) {
                physicalRows[j] = current.row(leftPositions[j]);
            }
            for (int c = 0; c < leftTypes.size(); c++) {
                columns[c] = ColumnVector.allocate(context.allocator(), leftTypes.get(c), count);
                Vectors.gather(current.column(c), physicalRows, count, columns[c], 0);
            }
            fillRight(columns, leftTypes.size(), rightRows, count);
        } catch (RuntimeException e) {
            joined.close();
            throw e;
        }
        return joined;
    }

    private void fillRight(ColumnVector[] columns, int first, int[] rows, int count) {
        for (int c = 0; c < rightTypes.size(); c++) {
            ColumnVector out = ColumnVector.allocate(context.allocator(), rightTypes.get(c), count);
            columns[first + c] = out;
            for (int j = 0; j < count; j++) {
                int row = rows[j];
                out.copyRow(build.vector(row, c), row & RowStore.CHUNK_MASK, j);
            }
        }
    }

    private Batch finishLeftBatch() {
        int size = current.size();
        switch (kind) {
            case SEMI, ANTI -> {
                boolean wanted = kind == JoinKind.SEMI;
                int[] positions = new int[size];
                int kept = 0;
                for (int i = 0; i < size; i++) {
                    if (leftMatched[i] == wanted) {
                        positions[kept++] = i;
                    }
                }
                if (kept > Batch.DEFAULT_CAPACITY) {
                    // A large left batch: copy its kept rows out in batches of the default size.
                    pendingLeft = positions;
                    pendingLeftCount = kept;
                    pendingLeftDone = 0;
                    return emitPendingLeft();
                }
                Batch out = current;
                current = null;
                if (kept == 0) {
                    out.close();
                    return null;
                }
                // Few enough rows: pass the left batch on with a narrower selection, no copy.
                for (int i = 0; i < kept; i++) {
                    positions[i] = out.row(positions[i]);
                }
                out.setSelection(positions, kept);
                return out;
            }
            case LEFT, FULL -> {
                int[] positions = new int[size];
                int count = 0;
                for (int i = 0; i < size; i++) {
                    if (!leftMatched[i]) {
                        positions[count++] = i;
                    }
                }
                if (count > 0) {
                    pendingLeft = positions;
                    pendingLeftCount = count;
                    pendingLeftDone = 0;
                    return emitPendingLeft();
                }
            }
            case INNER, RIGHT -> {
            }
        }
        current.close();
        current = null;
        return null;
    }

    /** The next pending left rows: unmatched ones padded with null right columns, or kept SEMI/ANTI rows alone. */
    private Batch emitPendingLeft() {
        int count = Math.min(Batch.DEFAULT_CAPACITY, pendingLeftCount - pendingLeftDone);
        boolean leftOnly = kind == JoinKind.SEMI || kind == JoinKind.ANTI;
        ColumnVector[] columns = new ColumnVector[leftTypes.size() + (leftOnly ? 0 : rightTypes.size())];
        Batch out = new Batch(columns, count);
        try {
            int[] physicalRows = new int[count];
            for (int j = 0; j < count; j++) {
                physicalRows[j] = current.row(pendingLeft[pendingLeftDone + j]);
            }
            for (int c = 0; c < leftTypes.size(); c++) {
                columns[c] = ColumnVector.allocate(context.allocator(), leftTypes.get(c), count);
                Vectors.gather(current.column(c), physicalRows, count, columns[c], 0);
            }
            for (int c = 0; c < columns.length - leftTypes.size(); c++) {
                columns[leftTypes.size() + c] = nullVector(rightTypes.get(c), count);
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        pendingLeftDone += count;
        if (pendingLeftDone >= pendingLeftCount) {
            pendingLeft = null;
            current.close();
            current = null;
        }
        return out;
    }

    private Batch emitUnmatchedRight() {
        int[] rows = new int[Batch.DEFAULT_CAPACITY];
        int count = 0;
        while (nextRightRow < build.rowCount() && count < rows.length) {
            int row = nextRightRow++;
            if ((rightMatched.get(row >>> 6) & 1L << (row & 63)) == 0) {
                rows[count++] = row;
            }
        }
        if (count == 0) {
            return null;
        }
        ColumnVector[] columns = new ColumnVector[leftTypes.size() + rightTypes.size()];
        Batch out = new Batch(columns, count);
        try {
            for (int c = 0; c < leftTypes.size(); c++) {
                columns[c] = nullVector(leftTypes.get(c), count);
            }
            fillRight(columns, leftTypes.size(), rows, count);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    private ColumnVector nullVector(SqlType type, int count) {
        ColumnVector vector = ColumnVector.allocate(context.allocator(), type, count);
        for (int i = 0; i < count; i++) {
            vector.setNull(i);
        }
        return vector;
    }

    /** Frees the subclass's own structures (hash tables); called once from {@link #close()}. */
    protected abstract void closeStructures();

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new RuntimeException("closing join");
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(current);
        resources.add(rightMatched);
        resources.add(build);
        resources.add(this::closeStructures);
        resources.add(left);
        resources.add(right);
        Operators.closeQuietly(failure, resources.toArray(new AutoCloseable[0]));
        current = null;
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
