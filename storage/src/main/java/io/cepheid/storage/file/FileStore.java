package io.cepheid.storage.file;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The flat set of named files a warehouse keeps its catalog and table data in. Every byte of storage I/O
 * goes through this interface so tests can swap in an in-memory store or one that fails on the n-th call.
 * Names are plain file names (no separators). Failures are {@code CepheidException(IO_ERROR)};
 * a missing file is {@code CepheidException(FILE_NOT_FOUND)}.
 */
public interface FileStore extends AutoCloseable {
    /**
     * Writes a new file and makes it durable (data and directory entry) before returning. The file appears
     * whole or not at all: a crash midway leaves at most a temporary file that {@link #list()} never shows.
     * Overwrites an existing file of that name.
     */
    void write(String name, byte[] content);

    /**
     * Replaces the content of a small pointer file atomically: readers and crash recovery see either the
     * old content or the new one, never a mix (write temp, fsync, rename, fsync directory).
     */
    void replaceAtomically(String name, byte[] content);

    /** The whole file as a read-only segment that stays valid while it is reachable. */
    MemorySegment read(String name);

    boolean exists(String name);

    /** Names of all complete files, in no particular order. */
    List<String> list();

    /** Deletes a file; deleting a missing file does nothing. */
    void delete(String name);

    /** Removes temporary files left by writes a crash interrupted; call only while nothing else writes. */
    void deleteAbandonedTemporaryFiles();

    @Override
    void close();
}
