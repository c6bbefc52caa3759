package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.GatherSpec;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.vector.Batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the child spec once per slice on the slice executor and hands their batches to the single consumer
 * through a bounded queue. The first failure (its original exception) is rethrown to the consumer and stops
 * the other slices; close stops the producers, waits for them to release their operators, and frees queued
 * batches and the rows of the fragment's exchanges ({@link SliceExchanges}). The slice executor must not be
 * the thread running the consumer when it has fewer threads than slices, or producers could wait for a
 * thread that never frees up.
 */
final class GatherOperator implements Operator {
    private static final Object SLICE_DONE = new Object();
    private static final long POLL_MILLIS = 20;

    private final GatherSpec spec;
    private final ExecutionContext context;
    private final int sliceCount;
    private final BlockingQueue<Object> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;
    private CountDownLatch finished;
    private SliceExchanges exchanges;
    private int slicesDone;
    private boolean closed;

    GatherOperator(GatherSpec spec, ExecutionContext context) {
        this.spec = spec;
        this.context = context;
        this.sliceCount = Math.max(1, context.sliceCount());
        this.queue = new ArrayBlockingQueue<>(Math.max(4, 2 * sliceCount));
    }

    @Override
    public Batch next() {
        if (finished == null) {
            start();
        }
        while (true) {
            rethrowFailure();
            // The slices stop at their own next batch; the consumer need not wait for them to notice.
            context.checkCancelled();
            if (slicesDone == sliceCount) {
                return null;
            }
            Object item;
            try {
                item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CepheidException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            }
            if (item == SLICE_DONE) {
                slicesDone++;
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
        Operator operator = null;
        try {
            operator = Operators.create(spec.input(), context.forSlice(slice, exchanges));
            while (!cancelled) {
                Batch batch = operator.next();
                if (batch == null) {
                    break;
                }
                if (!enqueue(batch)) {
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
            enqueue(SLICE_DONE);
            finished.countDown();
        }
    }

    /** Blocks until the queue takes {@code item}; false when the gather was cancelled meanwhile. */
    private boolean enqueue(Object item) {
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
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        switch (t) {
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new CepheidException(ErrorCode.INTERNAL_ERROR, "slice failed: " + t, t);
        }
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
            drainQueue();
            try {
                if (finished.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        drainQueue();
        exchanges.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainQueue() {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Batch batch) {
                batch.close();
            }
        }
    }
}
