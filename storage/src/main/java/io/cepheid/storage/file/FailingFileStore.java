package io.cepheid.storage.file;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FileStore} that delegates to another and fails one chosen call with an I/O error, before the
 * call has any effect (QuestDB's FilesFacade idea). Tests arm it with {@link #failCall(long)} and run an
 * operation once for every n to prove that a failure at any step leaves committed data intact.
 */
public final class FailingFileStore implements FileStore {
    private static final long DISARMED = -1;

    private final FileStore delegate;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failAt = new AtomicLong(DISARMED);
    private volatile boolean failed;

    public FailingFileStore(FileStore delegate) {
        this.delegate = delegate;
    }

    /** Makes the {@code n}-th call from now (1 = the next one) fail; later calls succeed again. */
    public void failCall(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        failed = false;
        failAt.set(calls.get() + n);
    }

    public void disarm() {
        failAt.set(DISARMED);
    }

    /** Whether the armed failure has happened. */
    public boolean failed() {
        return failed;
    }

    private void count(String operation, String name) {
        long call = calls.incrementAndGet();
        if (call == failAt.get()) {
            failed = true;
            throw new CepheidException(ErrorCode.IO_ERROR,
                    "injected failure of call " + call + ": " + operation + " " + name);
        }
    }

    @Override
    public void write(String name, byte[] content) {
        count("write", name);
        delegate.write(name, content);
    }

    @Override
    public void replaceAtomically(String name, byte[] content) {
        count("replace", name);
        delegate.replaceAtomically(name, content);
    }

    @Override
    public MemorySegment read(String name) {
        count("read", name);
        return delegate.read(name);
    }

    @Override
    public boolean exists(String name) {
        count("exists", name);
        return delegate.exists(name);
    }

    @Override
    public List<String> list() {
        count("list", "");
        return delegate.list();
    }

    @Override
    public void delete(String name) {
        count("delete", name);
        delegate.delete(name);
    }

    @Override
    public void deleteAbandonedTemporaryFiles() {
        count("deleteAbandonedTemporaryFiles", "");
        delegate.deleteAbandonedTemporaryFiles();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
