package io.cepheid.storage.file;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@link FileStore} over one local directory. Writes go to a hidden temporary file that is fsynced and
 * renamed into place, then the directory is fsynced, so a crash never leaves a half-written file under a
 * real name. Reads memory-map the file. The directory is locked while open, so two processes (or two
 * warehouses in one process) cannot commit into it at once.
 */
public final class LocalFileStore implements FileStore {
    /** Hidden names (temporary files, the lock) start with this and are never listed. */
    private static final String HIDDEN_PREFIX = ".";
    private static final String TEMPORARY_PREFIX = ".tmp-";
    private static final String LOCK_NAME = ".lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    public LocalFileStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve(LOCK_NAME),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ioError("open data directory " + directory, e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            closeQuietly(lockChannel);
            throw new CepheidException(ErrorCode.IO_ERROR,
                    "data directory " + directory + " is in use by another warehouse");
        }
        lock = acquired;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void write(String name, byte[] content) {
        Path target = resolve(name);
        Path temporary = directory.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        try {
            writeAndSync(temporary, content);
            move(temporary, target);
            syncDirectory();
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw ioError("write " + target, e);
        }
    }

    @Override
    public void replaceAtomically(String name, byte[] content) {
        // The same sequence as write: a rename over the old file is atomic on POSIX file systems.
        write(name, content);
    }

    @Override
    public MemorySegment read(String name) {
        Path path = resolve(name);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return MemorySegment.ofArray(new byte[0]);
            }
            // An automatic arena: snapshots are not closed explicitly, so a mapping lives as long as a
            // reader can still reach it, and the OS keeps it valid even after garbage collection unlinks the file.
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
        } catch (NoSuchFileException e) {
            throw new CepheidException(ErrorCode.FILE_NOT_FOUND, "file " + path + " does not exist", e);
        } catch (IOException e) {
            throw ioError("read " + path, e);
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                if (!name.startsWith(HIDDEN_PREFIX)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw ioError("list " + directory, e);
        }
        return names;
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw ioError("delete " + name, e);
        }
    }

    @Override
    public void deleteAbandonedTemporaryFiles() {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, TEMPORARY_PREFIX + "*")) {
            for (Path path : stream) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw ioError("clean temporary files in " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock anyway.
        }
        closeQuietly(lockChannel);
    }

    private Path resolve(String name) {
        if (name.isEmpty() || name.startsWith(HIDDEN_PREFIX) || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return directory.resolve(name);
    }

    private static void writeAndSync(Path path, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(path,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("file system of " + target + " cannot rename atomically", e);
        }
    }

    /** Makes renames and new directory entries durable: without this a crash can forget a renamed file. */
    private void syncDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static CepheidException ioError(String what, IOException e) {
        return new CepheidException(ErrorCode.IO_ERROR, "could not " + what + ": " + e, e);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: an abandoned temporary file is removed at the next open.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do with a channel that fails to close.
        }
    }
}
