package io.cepheid.storage.file;

/**
 * Where a transaction writes its new immutable files. The warehouse's implementation writes the file
 * durably and records it as in use by the transaction, atomically with respect to garbage collection, so
 * a file written for a commit that has not happened yet is never collected as unreferenced.
 */
@FunctionalInterface
public interface NewFileSink {
    void write(String name, byte[] content);
}
