package io.cepheid.loader.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations COPY needs, behind an interface so tests can make the n-th read fail (the loader must
 * then fail cleanly, leaving nothing allocated).
 */
public interface CopyFileSystem {
    /** Every regular file whose absolute path starts with {@code prefix} (an S3-style prefix), in any order. */
    List<Path> listFiles(String prefix) throws IOException;

    long size(Path file) throws IOException;

    /** A stream of the {@code length} bytes of {@code file} starting at {@code offset}. */
    InputStream open(Path file, long offset, long length) throws IOException;
}
