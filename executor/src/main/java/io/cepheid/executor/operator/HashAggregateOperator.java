package io.cepheid.executor.operator;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.executor.fragment.AggregateCall;
import io.cepheid.executor.fragment.AggregateMode;
import io.cepheid.executor.fragment.AggregateSpec;
import io.cepheid.executor.spill.SpillFile;
import io.cepheid.executor.spill.SpillPartitions;
import io.cepheid.executor.spill.SpillPolicy;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash aggregation in SINGLE, PARTIAL or FINAL mode: consumes all input, assigning each row a dense group id
 * through a {@link GroupHashTable} (or group 0 when there are no keys), folds every aggregate per group, then
 * emits the groups in batches of at most {@link Batch#DEFAULT_CAPACITY} rows.
 *
 * <p>Past the query's memory budget ({@link SpillPolicy#overBudget}, checked once per input batch) a grouped
 * aggregation holding at least {@link #MIN_GROUPS_TO_SPILL} groups stops growing its table. PARTIAL emits the
 * groups it has as partial states and starts over (FINAL merges the pieces, so nothing touches disk). SINGLE
 * and FINAL go hybrid: rows whose group is already in the table keep folding into it, rows with new keys are
 * written, as input rows, to {@link SpillPartitions} by key hash. After emitting the in-memory groups and
 * freeing them, each partition is aggregated by a fresh instance of this operator reading the file at the
 * next level, which may spill again; at {@link SpillPolicy#MAX_LEVELS} it runs in memory. A global aggregate
 * (no keys) has one group and never spills.
 */
final class HashAggregateOperator implements Operator {
    /**
     * Groups a table needs before going over budget makes it spill (or, PARTIAL, flush). A smaller table frees
     * too little to matter (1,024 groups of ten 8-byte states: 80 KiB) when other operators hold the memory,
     * and spilling anyway would only copy the input to disk again at every level, into up to 16^4 files.
     */
    static final int MIN_GROUPS_TO_SPILL = 1024;
    /** Rows folded between two looks at the budget. */
    private static final int PIECE_ROWS = Batch.DEFAULT_CAPACITY;

    private final AggregateSpec spec;
    private final ExecutionContext context;
    private final Operator input;
    /** 0 for the operator of the plan; n + 1 for one aggregating a partition spilled at level n. */
    private final int level;
    private final int[] keyColumns;
    private final List<SqlType> outputTypes;
    private final List<Accumulator> accumulators = new ArrayList<>();
    private GroupHashTable table;
    private int groupCount;
    private boolean inputDone;
    /** True while groups are emitted: at the end of input, or in PARTIAL mode when memory ran short. */
    private boolean emitting;
    private int nextGroup;
    /** Rows with keys new after the budget ran out (SINGLE and FINAL); null while none spilled. */
    private SpillPartitions spilled;
    private int nextPartition;
    /** The aggregation of the spilled partition being emitted, or null. */
    private Operator partitionAggregate;
    private boolean closed;
    /** The input batch being folded (owned until folded), and its next selected row to fold. */
    private Batch current;
    private int currentNext;
    /** Key hashes of {@link #current}'s selected rows. */
    private long[] hashes = new long[0];
    private long[] hashScratch = new long[0];
    private int[] groupIds = new int[PIECE_ROWS];
    private final int[] pieceRows = new int[PIECE_ROWS];
    private final long[] pieceHashesScratch = new long[PIECE_ROWS];
    private final int[] foundRows = new int[PIECE_ROWS];
    private final int[] foundGroups = new int[PIECE_ROWS];
    private final boolean[] spillRow = new boolean[PIECE_ROWS];

    HashAggregateOperator(AggregateSpec spec, ExecutionContext context) {
        this(spec, context, Operators.create(spec.input(), context), 0);
    }

    /**
     * Aggregates what {@code input} returns (rows shaped like {@code spec.input()}'s) as {@code spec} says, at
     * spill {@code level}; owns {@code input} from here on, closing it even when this constructor fails.
     */
    HashAggregateOperator(AggregateSpec spec, ExecutionContext context, Operator input, int level) {
        this.spec = spec;
        this.context = context;
        this.input = input;
        this.level = level;
        this.outputTypes = spec.outputTypes();
        this.keyColumns = spec.groupKeys().stream().mapToInt(Integer::intValue).toArray();
        try {
            createGroups();
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, input);
            throw e;
        }
    }

    /** Fresh accumulators and table (on failure, whatever was built is freed). */
    private void createGroups() {
        try {
            List<SqlType> inputTypes = spec.input().outputTypes();
            int stateColumn = keyColumns.length;
            for (AggregateCall call : spec.aggregates()) {
                int column = spec.mode() == AggregateMode.FINAL ? stateColumn : call.argument();
                accumulators.add(Accumulator.create(call, spec.mode(), column, inputTypes, context.allocator()));
                stateColumn += AggregateSpec.stateTypes(call).size();
            }
            if (keyColumns.length > 0) {
                table = new GroupHashTable(context.allocator(), outputTypes.subList(0, keyColumns.length));
            }
        } catch (RuntimeException e) {
            releaseGroups(e);
            throw e;
        }
        groupCount = 0;
        nextGroup = 0;
    }

    /** Frees the table and the accumulators, adding close failures to {@code failure}. */
    private void releaseGroups(RuntimeException failure) {
        Operators.closeQuietly(failure, accumulators.toArray(new AutoCloseable[0]));
        Operators.closeQuietly(failure, table);
        accumulators.clear();
        table = null;
        groupCount = 0;
    }

    @Override
    public Batch next() {
        while (true) {
            if (partitionAggregate != null) {
                Batch batch = partitionAggregate.next();
                if (batch != null) {
                    return batch;
                }
                finishPartition();
            } else if (emitting) {
                if (nextGroup < groupCount) {
                    int count = Math.min(Batch.DEFAULT_CAPACITY, groupCount - nextGroup);
                    Batch out = emit(nextGroup, count);
                    nextGroup += count;
                    return out;
                }
                emitting = false;
                RuntimeException failure = new RuntimeException("releasing aggregate groups");
                releaseGroups(failure);
                rethrow(failure);
                if (!inputDone) {
                    createGroups(); // PARTIAL: the flushed groups are out, start a new table
                }
            } else if (!inputDone) {
                consumeInput();
                emitting = true;
            } else if (spilled != null && nextPartition < SpillPolicy.PARTITIONS) {
                startPartition(nextPartition++);
            } else {
                return null;
            }
        }
    }

    /**
     * Folds input until it ends, or (PARTIAL) until memory runs short and the groups so far should go out
     * first. Near the budget, batches are folded {@link #PIECE_ROWS} rows at a time, checking the budget
     * before each piece: a scan returns a whole row group as one batch, and its new groups alone can exceed it.
     */
    private void consumeInput() {
        if (keyColumns.length == 0 && spec.mode() != AggregateMode.PARTIAL) {
            // A global aggregate has its one group even over empty input.
            addGroups(1);
        }
        while (true) {
            context.checkCancelled();
            if (current == null) {
                Batch next = input.next();
                if (next == null) {
                    break;
                }
                if (next.size() == 0) {
                    next.close();
                    continue;
                }
                current = next;
                currentNext = 0;
                if (table != null) {
                    int rows = next.rowCount();
                    if (hashes.length < rows) {
                        hashes = new long[rows];
                        hashScratch = new long[rows];
                    }
                    KeyHashing.hash(next, keyColumns, hashes, hashScratch);
                }
            }
            int n = current.size();
            if (table == null) {
                if (groupIds.length < n) {
                    groupIds = new int[n];
                }
                addGroups(1);
                Arrays.fill(groupIds, 0, n, 0);
                accumulate(current, groupIds);
                currentNext = n;
            } else {
                currentNext += foldPiece(current, currentNext, pieceLength(n, currentNext));
            }
            if (currentNext == n) {
                current.close();
                current = null;
            }
            if (spec.mode() == AggregateMode.PARTIAL && groupCount >= MIN_GROUPS_TO_SPILL && table != null
                    && SpillPolicy.overBudget(context.allocator())) {
                return;
            }
        }
        inputDone = true;
        if (spilled != null) {
            finishSpilling();
        }
    }

    /**
     * Rows of the current batch to fold before looking at the budget again: all of them while the query uses
     * under a quarter of its budget (half the spill threshold; no row group's groups come near that under the
     * default 4 GB), so the common case reads whole vectors; {@link #PIECE_ROWS} nearer the threshold.
     */
    private int pieceLength(int rows, int from) {
        long limit = context.allocator().limit();
        boolean roomy = from == 0 && spilled == null
                && (limit == BufferAllocator.UNLIMITED || context.allocator().allocatedBytes() < limit / 4);
        return roomy ? rows : Math.min(PIECE_ROWS, rows - from);
    }

    /**
     * Folds the selected rows [from, from + count) of {@code batch}, whose key hashes are in {@link #hashes},
     * into the table, or once over budget (SINGLE, FINAL) into the groups it has and the spill partitions.
     */
    private int foldPiece(Batch batch, int from, int count) {
        Batch piece = batch;
        long[] pieceHashes = hashes;
        if (count < batch.size()) {
            // A view over the same vectors, narrowed to this piece; the input batch still owns them.
            for (int i = 0; i < count; i++) {
                pieceRows[i] = batch.row(from + i);
            }
            piece = new Batch(batch.columns(), batch.rowCount());
            piece.setSelection(pieceRows, count);
            System.arraycopy(hashes, from, pieceHashesScratch, 0, count);
            pieceHashes = pieceHashesScratch;
        }
        if (spilled == null && spec.mode() != AggregateMode.PARTIAL && level < SpillPolicy.MAX_LEVELS
                && groupCount >= MIN_GROUPS_TO_SPILL && count <= PIECE_ROWS // the routing arrays hold a piece
                && SpillPolicy.overBudget(context.allocator())) {
            spilled = new SpillPartitions(context.allocator(), spec.input().outputTypes(), level);
        }
        if (groupIds.length < count) {
            groupIds = new int[count];
        }
        if (spilled != null) {
            accumulateKnownAndSpillNew(piece, pieceHashes);
        } else {
            table.findOrInsert(piece, keyColumns, pieceHashes, groupIds);
            addGroups(table.groupCount());
            accumulate(piece, groupIds);
        }
        return count;
    }

    private void accumulate(Batch batch, int[] groups) {
        for (Accumulator accumulator : accumulators) {
            accumulator.accumulate(batch, groups);
        }
    }

    /** Rows whose key has a group fold into it; the others go to their spill partition. */
    private void accumulateKnownAndSpillNew(Batch batch, long[] keyHashes) {
        int n = batch.size();
        table.find(batch, keyColumns, keyHashes, groupIds);
        int found = 0;
        for (int i = 0; i < n; i++) {
            int group = groupIds[i];
            boolean known = group != GroupHashTable.NO_GROUP;
            spillRow[i] = !known;
            if (known) {
                foundRows[found] = batch.row(i);
                foundGroups[found++] = group;
            }
        }
        if (found < n) {
            spilled.add(batch, keyHashes, spillRow);
        }
        if (found == n) {
            accumulate(batch, groupIds);
        } else if (found > 0) {
            // A view over the same vectors, narrowed to the known rows; the input batch still owns them.
            Batch known = new Batch(batch.columns(), batch.rowCount());
            known.setSelection(foundRows, found);
            accumulate(known, foundGroups);
        }
    }

    /** Writes out the partitions' staged rows (freeing their buffers) and counts the bytes on disk. */
    private void finishSpilling() {
        for (int p = 0; p < SpillPolicy.PARTITIONS; p++) {
            SpillFile file = spilled.file(p);
            if (file != null) {
                file.read();
            }
        }
        context.recordSpill(spec, spilled.bytesWritten());
    }

    private void startPartition(int p) {
        SpillFile file = spilled.file(p);
        if (file != null) {
            partitionAggregate = new HashAggregateOperator(spec, context, new SpilledInput(file, false), level + 1);
        }
    }

    private void finishPartition() {
        Operator done = partitionAggregate;
        partitionAggregate = null;
        try {
            done.close();
        } finally {
            spilled.closePartition(nextPartition - 1);
        }
    }

    private void addGroups(int count) {
        if (count > groupCount) {
            for (Accumulator accumulator : accumulators) {
                accumulator.ensureGroups(count);
            }
            groupCount = count;
        }
    }

    private Batch emit(int firstGroup, int count) {
        ColumnVector[] columns = new ColumnVector[outputTypes.size()];
        Batch out = new Batch(columns, count);
        try {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ColumnVector.allocate(context.allocator(), outputTypes.get(c), count);
            }
            if (table != null) {
                // Group ids are row ids of the key store, and both chunk by DEFAULT_CAPACITY rows.
                ColumnVector[] chunk = table.keys().chunk(firstGroup >>> RowStore.CHUNK_SHIFT);
                for (int k = 0; k < keyColumns.length; k++) {
                    Vectors.gather(chunk[k], null, count, columns[k], 0);
                }
            }
            for (int i = 0; i < count; i++) {
                int column = keyColumns.length;
                for (int a = 0; a < accumulators.size(); a++) {
                    accumulators.get(a).write(firstGroup + i, columns, column, i);
                    column += spec.mode() == AggregateMode.PARTIAL ? AggregateSpec.stateTypes(spec.aggregates().get(a)).size() : 1;
                }
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    private static void rethrow(RuntimeException failure) {
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = new RuntimeException("closing aggregate");
        Operators.closeQuietly(failure, current, partitionAggregate, spilled);
        current = null;
        releaseGroups(failure);
        Operators.closeQuietly(failure, input);
        rethrow(failure);
    }
}
