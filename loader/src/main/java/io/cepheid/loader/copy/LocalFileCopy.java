package io.cepheid.loader.copy;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs COPY from local files inside an open transaction: resolves the source prefix, cuts the files into
 * splits, loads them on up to {@code parallelism} workers into the table appender, and returns the counts.
 * On any error it throws {@link CepheidException} after every worker has stopped and freed its batch, so the
 * caller can discard the transaction knowing nothing of this load is still allocated.
 */
public final class LocalFileCopy {
    /** Plain text files larger than this are cut into pieces loaded in parallel. */
    public static final long DEFAULT_SPLIT_BYTES = 16L << 20;

    private final CopyFileSystem fileSystem;
    private final long splitBytes;

    public LocalFileCopy(CopyFileSystem fileSystem, long splitBytes) {
        this.fileSystem = fileSystem;
        this.splitBytes = splitBytes;
        if (splitBytes < 1) {
            throw new IllegalArgumentException("splitBytes must be positive: " + splitBytes);
        }
    }

    /** Runs {@code request} against the local disk with the default split size. */
    public static CopyResult run(CopyRequest request) {
        return new LocalFileCopy(LocalCopyFileSystem.INSTANCE, DEFAULT_SPLIT_BYTES).load(request);
    }

    public CopyResult load(CopyRequest request) {
        List<Path> files = SourceResolver.resolve(request.source(), fileSystem);
        LoadContext context = new LoadContext(request, fileSystem);
        List<InputSplit> splits = SplitPlanner.plan(files, fileSystem, request.options(), request.parallelism(), splitBytes);
        Queue<InputSplit> pending = new ConcurrentLinkedQueue<>(splits);
        int workers = Math.min(request.parallelism(), splits.size());
        if (workers <= 1 || request.executor() == null) {
            runWorker(context, pending);
        } else {
            runInParallel(context, pending, workers);
        }
        return new CopyResult(context.rowsLoaded(), files.size(), context.rejectedRows());
    }

    private static void runWorker(LoadContext context, Queue<InputSplit> pending) {
        try (SplitLoader loader = new SplitLoader(context)) {
            InputSplit split;
            while (!context.cancelled() && (split = pending.poll()) != null) {
                loader.load(split);
            }
            if (!context.cancelled()) {
                loader.flush();
            }
        } catch (RuntimeException | Error e) {
            context.fail(e);
            throw e;
        }
    }

    /**
     * Runs one worker on the calling thread and {@code workers - 1} on the executor, all taking splits from
     * one queue, then waits until every started worker has stopped and freed its batch. The caller's own
     * worker means a COPY issued from a pool thread still finishes when the pool has no thread to spare.
     */
    private static void runInParallel(LoadContext context, Queue<InputSplit> pending, int workers) {
        WorkerGate gate = new WorkerGate();
        try {
            for (int i = 1; i < workers; i++) {
                context.request().executor().execute(() -> {
                    if (!gate.enter()) {
                        return;
                    }
                    try {
                        runWorker(context, pending);
                    } catch (RuntimeException | Error e) {
                        // Already recorded by runWorker; the caller rethrows it.
                    } finally {
                        gate.exit();
                    }
                });
            }
        } catch (RuntimeException e) {
            // A saturated or shut-down executor: the caller's worker loads every split alone.
        }
        try {
            runWorker(context, pending);
        } catch (RuntimeException | Error e) {
            // Recorded in the context; thrown below once the other workers have stopped.
        }
        boolean interrupted = gate.closeAndAwait(context);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = context.failure();
        if (failure instanceof CepheidException cepheid) {
            throw cepheid;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new CepheidException(ErrorCode.INTERNAL_ERROR, context.failurePrefix() + failure, failure);
        }
        if (interrupted) {
            throw context.canceled();
        }
    }
}
