package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.table.DistributionHash;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One exchange between the slices of a fragment, in process: the producer side runs once per slice and
 * its rows land in accounted buffers, one per consumer slice (redistribute: by the {@link DistributionHash}
 * of the key column) or one that every consumer reads (broadcast). The exchange is materializing: a
 * consumer starts reading once every producer slice has finished.
 *
 * <p>Producer slices are run by the consumers themselves: each consumer claims producer slices nobody has
 * started, runs them on its own thread, then waits for the ones other consumers claimed. No extra threads
 * are needed, so the exchange cannot deadlock a slice pool smaller than the slice count, and a nested
 * exchange only ever waits for threads running its own (deeper) producers.
 */
final class SliceExchange implements AutoCloseable {
    private static final long POLL_MILLIS = 20;

    private final PlanSpec producer;
    private final int keyColumn;
    private final int sliceCount;
    private final ExchangeBuffer[] buffers;
    private final AtomicInteger nextProducer = new AtomicInteger();
    private final AtomicInteger consumersClosed = new AtomicInteger();
    private final CountDownLatch producersDone;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private SliceExchange(PlanSpec producer, int keyColumn, ExecutionContext context) {
        this.producer = producer;
        this.keyColumn = keyColumn;
        this.sliceCount = Math.max(1, context.sliceCount());
        this.buffers = new ExchangeBuffer[keyColumn < 0 ? 1 : sliceCount];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ExchangeBuffer(context.allocator(), producer.outputTypes());
        }
        this.producersDone = new CountDownLatch(sliceCount);
    }

    /** Every consumer slice receives every row of {@code producer}. */
    static SliceExchange broadcast(PlanSpec producer, ExecutionContext context) {
        return new SliceExchange(producer, -1, context);
    }

    /** Consumer slice s receives the rows whose {@code keyColumn} hashes to s. */
    static SliceExchange redistribute(PlanSpec producer, int keyColumn, ExecutionContext context) {
        return new SliceExchange(producer, keyColumn, context);
    }

    /** The buffer consumer {@code slice} reads: its own partition, or the one broadcast buffer. */
    ExchangeBuffer bufferFor(int slice) {
        return buffers[keyColumn < 0 ? 0 : slice];
    }

    /** Runs unclaimed producer slices on this thread, then waits until every producer slice has finished. */
    void awaitProduced(ExecutionContext context) {
        int slice;
        while (failure.get() == null && (slice = nextProducer.getAndIncrement()) < sliceCount) {
            try {
                produce(context.forSlice(slice));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                producersDone.countDown();
            }
        }
        try {
            while (!producersDone.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    break;
                }
                // Producers on other slices stop at their next batch; this consumer stops now.
                context.checkCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
        rethrowFailure();
    }

    private void produce(ExecutionContext sliceContext) {
        try (Operator operator = Operators.create(producer, sliceContext)) {
            int[][] partitionRows = keyColumn < 0 ? null : new int[sliceCount][];
            int[] partitionSizes = keyColumn < 0 ? null : new int[sliceCount];
            int[] allRows = null;
            while (failure.get() == null) {
                Batch next = operator.next();
                if (next == null) {
                    break;
                }
                try (Batch batch = next) {
                    sliceContext.checkCancelled();
                    int n = batch.size();
                    if (keyColumn < 0) {
                        allRows = selectedRows(batch, allRows);
                        buffers[0].append(batch, allRows, n);
                    } else {
                        partition(batch, partitionRows, partitionSizes);
                    }
                }
            }
        }
    }

    /** The batch's selected physical rows, in {@code reuse} when it is large enough. */
    private static int[] selectedRows(Batch batch, int[] reuse) {
        int n = batch.size();
        int[] rows = reuse != null && reuse.length >= n ? reuse : new int[Math.max(n, Batch.DEFAULT_CAPACITY)];
        for (int i = 0; i < n; i++) {
            rows[i] = batch.row(i);
        }
        return rows;
    }

    /** Splits the batch's rows by the slice their key hashes to, then appends each slice's rows to its buffer. */
    private void partition(Batch batch, int[][] partitionRows, int[] partitionSizes) {
        int n = batch.size();
        ColumnVector key = batch.column(keyColumn);
        Arrays.fill(partitionSizes, 0);
        for (int i = 0; i < n; i++) {
            int row = batch.row(i);
            int target = DistributionHash.slice(DistributionHash.hashRow(key, row), sliceCount);
            int[] rows = partitionRows[target];
            if (rows == null || rows.length == partitionSizes[target]) {
                rows = Arrays.copyOf(rows == null ? new int[0] : rows, Math.max(64, 2 * partitionSizes[target]));
                partitionRows[target] = rows;
            }
            rows[partitionSizes[target]++] = row;
        }
        for (int target = 0; target < sliceCount; target++) {
            if (partitionSizes[target] > 0) {
                buffers[target].append(batch, partitionRows[target], partitionSizes[target]);
            }
        }
    }

    private void rethrowFailure() {
        Operators.rethrow(failure.get(), "exchange producer");
    }

    /** Makes producers stop at their next batch and waiting consumers fail. */
    void cancel() {
        failure.compareAndSet(null, new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request"));
    }

    /** A consumer is done; once all are, the rows are freed without waiting for the fragment to end. */
    void consumerClosed() {
        if (consumersClosed.incrementAndGet() == sliceCount) {
            close();
        }
    }

    @Override
    public void close() {
        for (ExchangeBuffer buffer : buffers) {
            buffer.close();
        }
    }
}
