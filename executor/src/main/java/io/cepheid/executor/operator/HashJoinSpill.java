package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.HashJoinSpec;
import io.cepheid.executor.fragment.JoinKind;
import io.cepheid.executor.fragment.ValuesSpec;
import io.cepheid.executor.kernel.ScalarKernels;
import io.cepheid.executor.spill.SpillFile;
import io.cepheid.executor.spill.SpillPartitions;
import io.cepheid.executor.spill.SpillPolicy;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * The rest of a hash join whose build side outgrew the query's memory budget (a grace hash join): the build
 * rows so far, the unread build input and then the whole probe input go to {@link SpillPartitions} by the
 * same key-hash bits, so rows with equal keys share a partition; then each partition pair is joined alone by
 * a fresh {@link HashJoinOperator} one level down (which may spill again). Every join kind stays correct per
 * partition because a row can only match rows of its own partition, and the hash join needs no fact about
 * the whole build side (NOT IN's null handling is planned outside the join, see docs/executor-operators.md).
 *
 * <p>Rows with a null key never match. They are written only where the kind returns them unmatched (build
 * side for RIGHT/FULL, probe side for LEFT/FULL/ANTI), spread evenly by the hash of a running count rather
 * than all sent to the one partition of the null hash, which no level could split.
 */
final class HashJoinSpill implements AutoCloseable {
    private final HashJoinSpec spec;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final int level;
    private final ExecutionContext context;
    private final SpillPartitions buildPartitions;
    private final SpillPartitions probePartitions;
    private long[] hashes = new long[0];
    private long[] scratch = new long[0];
    private boolean[] include = new boolean[0];
    /** Counts null-key rows, whose partition is this count's hash. */
    private long nullKeyRows;
    private boolean partitioned;
    private int partition = -1;
    private Operator partitionJoin;

    HashJoinSpill(HashJoinSpec spec, int level, ExecutionContext context) {
        this.spec = spec;
        this.leftKeys = spec.leftKeys().stream().mapToInt(Integer::intValue).toArray();
        this.rightKeys = spec.rightKeys().stream().mapToInt(Integer::intValue).toArray();
        this.level = level;
        this.context = context;
        this.buildPartitions = new SpillPartitions(context.allocator(), spec.right().outputTypes(), level);
        this.probePartitions = new SpillPartitions(context.allocator(), spec.left().outputTypes(), level);
    }

    /** Writes the rows of {@code build} (a join's build side so far) to the build partitions. */
    void addBuildRows(RowStore build) {
        int rows = build.rowCount();
        for (int chunk = 0; chunk < build.chunkCount(); chunk++) {
            int count = Math.min(RowStore.CHUNK_ROWS, rows - (chunk << RowStore.CHUNK_SHIFT));
            // A view over the chunk's vectors; it owns nothing and is never closed.
            add(buildPartitions, new Batch(build.chunk(chunk), count), rightKeys, emitsUnmatchedBuildRows());
        }
    }

    /**
     * The next joined batch, null at the end. The first call reads the rest of {@code right} (the build
     * input) and all of {@code left} (the probe input) into partitions.
     */
    Batch next(Operator left, Operator right) {
        if (!partitioned) {
            partitionInputs(left, right);
            partitioned = true;
        }
        while (true) {
            if (partitionJoin != null) {
                Batch out = partitionJoin.next();
                if (out != null) {
                    return out;
                }
                closePartition();
            }
            if (partition + 1 >= SpillPolicy.PARTITIONS) {
                return null;
            }
            partition++;
            partitionJoin = joinOfPartition(partition);
        }
    }

    private void partitionInputs(Operator left, Operator right) {
        for (Batch next = right.next(); next != null; next = right.next()) {
            try (Batch batch = next) {
                context.checkCancelled();
                add(buildPartitions, batch, rightKeys, emitsUnmatchedBuildRows());
            }
        }
        // The build partitions are complete: free their staging buffers before the probe side needs its own.
        finishWriting(buildPartitions);
        for (Batch next = left.next(); next != null; next = left.next()) {
            try (Batch batch = next) {
                context.checkCancelled();
                add(probePartitions, batch, leftKeys, emitsUnmatchedProbeRows());
            }
        }
        finishWriting(probePartitions);
        context.recordSpill(spec, buildPartitions.bytesWritten() + probePartitions.bytesWritten());
    }

    private void add(SpillPartitions partitions, Batch batch, int[] keys, boolean keepNullKeys) {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        int rows = batch.rowCount();
        if (hashes.length < rows) {
            hashes = new long[rows];
            scratch = new long[rows];
            include = new boolean[rows];
        }
        KeyHashing.hash(batch, keys, hashes, scratch);
        ColumnVector[] columns = batch.columns();
        boolean nullable = false;
        for (int key : keys) {
            nullable |= columns[key].hasNulls();
        }
        for (int i = 0; i < n; i++) {
            include[i] = true;
            if (nullable && KeyHashing.anyNull(columns, keys, batch.row(i))) {
                include[i] = keepNullKeys;
                hashes[i] = ScalarKernels.mix(nullKeyRows++);
            }
        }
        partitions.add(batch, hashes, include);
    }

    /** Writes each partition's staged rows and frees its staging buffers before partitions are read back. */
    private static void finishWriting(SpillPartitions partitions) {
        for (int p = 0; p < SpillPolicy.PARTITIONS; p++) {
            SpillFile file = partitions.file(p);
            if (file != null) {
                file.read(); // flushes; the reader itself holds nothing
            }
        }
    }

    private boolean emitsUnmatchedBuildRows() {
        return spec.kind() == JoinKind.RIGHT || spec.kind() == JoinKind.FULL;
    }

    private boolean emitsUnmatchedProbeRows() {
        return spec.kind() == JoinKind.LEFT || spec.kind() == JoinKind.FULL || spec.kind() == JoinKind.ANTI;
    }

    /** The join of partition {@code p}'s two files, or null when it cannot return a row. */
    private Operator joinOfPartition(int p) {
        SpillFile probe = probePartitions.file(p);
        SpillFile build = buildPartitions.file(p);
        boolean output = probe != null && (build != null || emitsUnmatchedProbeRows())
                || build != null && emitsUnmatchedBuildRows();
        if (!output) {
            probePartitions.closePartition(p);
            buildPartitions.closePartition(p);
            return null;
        }
        Operator left = input(probe, spec.left().outputTypes());
        Operator right;
        try {
            right = input(build, spec.right().outputTypes());
        } catch (RuntimeException e) {
            Operators.closeQuietly(e, left);
            throw e;
        }
        return new HashJoinOperator(spec, left, right, level + 1, context);
    }

    private Operator input(SpillFile file, List<SqlType> types) {
        return file == null ? new ValuesOperator(new ValuesSpec(types, List.of()), context) : new SpilledInput(file, false);
    }

    private void closePartition() {
        try {
            partitionJoin.close();
        } finally {
            partitionJoin = null;
            probePartitions.closePartition(partition);
            buildPartitions.closePartition(partition);
        }
    }

    /** Deletes every partition file still on disk and frees the partition being joined. */
    @Override
    public void close() {
        RuntimeException failure = new RuntimeException("closing spilled hash join");
        Operators.closeQuietly(failure, partitionJoin, probePartitions, buildPartitions);
        partitionJoin = null;
        if (failure.getSuppressed().length > 0) {
            throw failure.getSuppressed()[0] instanceof RuntimeException first ? first : failure;
        }
    }
}
