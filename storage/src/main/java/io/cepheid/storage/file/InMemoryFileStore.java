package io.cepheid.storage.file;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FileStore} held in heap arrays: for {@code jdbc:cepheid:mem:} and tests. Durable until dropped. */
public final class InMemoryFileStore implements FileStore {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(String name, byte[] content) {
        files.put(name, content.clone());
    }

    @Override
    public void replaceAtomically(String name, byte[] content) {
        files.put(name, content.clone());
    }

    @Override
    public MemorySegment read(String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new CepheidException(ErrorCode.FILE_NOT_FOUND, "file " + name + " does not exist");
        }
        return MemorySegment.ofArray(content).asReadOnly();
    }

    @Override
    public boolean exists(String name) {
        return files.containsKey(name);
    }

    @Override
    public List<String> list() {
        return List.copyOf(files.keySet());
    }

    @Override
    public void delete(String name) {
        files.remove(name);
    }

    @Override
    public void deleteAbandonedTemporaryFiles() {
        // Writes here are a single map put: nothing is ever half-written.
    }

    @Override
    public void close() {
    }
}
