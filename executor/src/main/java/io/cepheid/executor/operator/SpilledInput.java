package io.cepheid.executor.operator;

import io.cepheid.executor.spill.SpillFile;
import io.cepheid.storage.vector.Batch;

/**
 * The rows of one spill file as an operator input, so a spilled partition is processed by a fresh instance
 * of the operator that spilled it. Closing it deletes the file unless the file is {@code shared} (read again
 * later, as a join's build partition may be).
 */
final class SpilledInput implements Operator {
    private final SpillFile file;
    private final boolean shared;
    private SpillFile.Reader reader;
    private boolean closed;

    SpilledInput(SpillFile file, boolean shared) {
        this.file = file;
        this.shared = shared;
    }

    @Override
    public Batch next() {
        if (closed) {
            return null;
        }
        if (reader == null) {
            reader = file.read();
        }
        return reader.next();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!shared) {
            file.close();
        }
    }
}
