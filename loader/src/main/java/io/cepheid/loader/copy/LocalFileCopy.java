package io.cepheid.loader.copy;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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
     * Starts the workers and waits for all of them, even after the first failure: a worker still running
     * holds a batch, and the caller must get control back only when every buffer is freed.
     */
    private static void runInParallel(LoadContext context, Queue<InputSplit> pending, int workers) {
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                futures.add(context.request().executor().submit(() -> runWorker(context, pending)));
            }
        } catch (RuntimeException e) {
            context.fail(e);
        }
        boolean interrupted = false;
        for (Future<?> future : futures) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    // Stop the workers, but still wait for them: they must free their batches first.
                    interrupted = true;
                    context.cancel();
                } catch (ExecutionException e) {
                    context.fail(e.getCause());
                    break;
                }
            }
        }
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
            throw new CepheidException(ErrorCode.QUERY_CANCELED, context.failurePrefix() + "canceled");
        }
    }
}
