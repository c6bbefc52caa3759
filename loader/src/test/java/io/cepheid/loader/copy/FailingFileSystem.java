package io.cepheid.loader.copy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The local file system, except that the n-th read (counted over all streams) throws: a disk failing halfway. */
final class FailingFileSystem implements CopyFileSystem {
    private final int failingRead;
    private final AtomicInteger reads = new AtomicInteger();

    FailingFileSystem(int failingRead) {
        this.failingRead = failingRead;
    }

    @Override
    public List<Path> listFiles(String prefix) throws IOException {
        return LocalCopyFileSystem.INSTANCE.listFiles(prefix);
    }

    @Override
    public long size(Path file) throws IOException {
        return LocalCopyFileSystem.INSTANCE.size(file);
    }

    @Override
    public InputStream open(Path file, long offset, long length) throws IOException {
        return new FilterInputStream(LocalCopyFileSystem.INSTANCE.open(file, offset, length)) {
            @Override
            public int read(byte[] bytes, int off, int len) throws IOException {
                if (reads.incrementAndGet() == failingRead) {
                    throw new IOException("simulated read failure");
                }
                // Small reads make the failure land in the middle of a file.
                return super.read(bytes, off, Math.min(len, 4096));
            }
        };
    }
}
