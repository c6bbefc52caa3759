package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.vector.Batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a fragment: {@code fragment} once per slice on the slice executor, each slice's batches handed
 * to the leader through a bounded queue, either one queue shared by all slices (a gather) or one per slice
 * (a merge, which must see each slice's stream on its own). The first failure (its original exception) is
 * rethrown to the consumer and stops the other slices; close stops the producers, waits for them to release
 * their operators, and frees queued batches and the rows of the fragment's exchanges ({@link SliceExchanges}).
 * The slice executor must not be the thread running the consumer when it has fewer threads than slices, or
 * producers could wait for a thread that never frees up.
 */
final class SliceRun implements AutoCloseable {
    private static final Object SLICE_DONE = new Object();
    private static final long POLL_MILLIS = 20;

    private final PlanSpec fragment;
    private final ExecutionContext context;
    private final int sliceCount;
    private final BlockingQueue<Object>[] queues;
    /** Per queue: slices that finished feeding it. */
    private final int[] slicesDone;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;
    private CountDownLatch finished;
    private SliceExchanges exchanges;
    private boolean closed;

    @SuppressWarnings("unchecked")
    SliceRun(PlanSpec fragment, ExecutionContext context, boolean queuePerSlice) {
        this.fragment = fragment;
        this.context = context;
        this.sliceCount = Math.max(1, context.sliceCount());
        int queueCount = queuePerSlice ? sliceCount : 1;
        // A shared queue holds two batches per slice; a slice's own queue two, enough to keep it busy.
        int capacity = queuePerSlice ? 2 : Math.max(4, 2 * sliceCount);
        this.queues = new BlockingQueue[queueCount];
        for (int q = 0; q < queueCount; q++) {
            queues[q] = new ArrayBlockingQueue<>(capacity);
        }
        this.slicesDone = new int[queueCount];
    }

    int sliceCount() {
        return sliceCount;
    }

    /**
     * The next batch from queue {@code queue} (always 0 for a shared queue, the slice number otherwise),
     * waiting for one; null once every slice feeding it has finished.
     */
    Batch next(int queue) {
        if (finished == null) {
            start();
        }
        int feeders = queues.length == 1 ? sliceCount : 1;
        while (true) {
            rethrowFailure();
            // The slices stop at their own next batch; the consumer need not wait for them to notice.
            context.checkCancelled();
            if (slicesDone[queue] == feeders) {
                return null;
            }
            Object item;
            try {
                item = queues[queue].poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
            if (item == SLICE_DONE) {
                slicesDone[queue]++;
            } else if (item instanceof Batch batch) {
                if (failure.get() != null) {
                    batch.close();
                    continue;
                }
                return batch;
            }
        }
    }

    private void start() {
        finished = new CountDownLatch(sliceCount);
        exchanges = new SliceExchanges();
        for (int slice = 0; slice < sliceCount; slice++) {
            int sliceIndex = slice;
            try {
                context.sliceExecutor().execute(() -> runSlice(sliceIndex));
            } catch (RuntimeException e) {
                // Rejected by the executor: count the slice as failed and finished.
                failure.compareAndSet(null, e);
                cancelled = true;
                finished.countDown();
            }
        }
    }

    private void runSlice(int slice) {
        BlockingQueue<Object> queue = queues[queues.length == 1 ? 0 : slice];
        Operator operator = null;
        try {
            operator = Operators.create(fragment, context.forSlice(slice, exchanges));
            while (!cancelled) {
                Batch batch = operator.next();
                if (batch == null) {
                    break;
                }
                if (!enqueue(queue, batch)) {
                    batch.close();
                    break;
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            cancelled = true;
            // Slices waiting on an exchange this slice would have fed must not wait for it.
            exchanges.cancel();
        } finally {
            if (operator != null) {
                try {
                    operator.close();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    cancelled = true;
                }
            }
            enqueue(queue, SLICE_DONE);
            finished.countDown();
        }
    }

    /** Blocks until the queue takes {@code item}; false when the run was cancelled meanwhile. */
    private boolean enqueue(BlockingQueue<Object> queue, Object item) {
        try {
            while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void rethrowFailure() {
        Operators.rethrow(failure.get(), "slice");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelled = true;
        if (finished == null) {
            return;
        }
        exchanges.cancel();
        boolean interrupted = false;
        while (true) {
            drainQueues();
            try {
                if (finished.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        drainQueues();
        exchanges.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainQueues() {
        for (BlockingQueue<Object> queue : queues) {
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof Batch batch) {
                    batch.close();
                }
            }
        }
    }
}
