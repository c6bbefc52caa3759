package io.cepheid.executor.spill;

import io.cepheid.executor.expression.Vectors;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Rows of one schema written to a temporary file, then read back in the order written, as batches of at most
 * the staging size (by default {@link Batch#DEFAULT_CAPACITY} rows). Appended rows are packed into an in-memory staging batch first and
 * written a full batch at a time, each column as its Arrow buffers: validity bitmap (only when a row is null),
 * values or offsets, and string bytes. The file is created on the first write and deleted when this is closed
 * (or, should the process die first, when the operating system cleans its temporary directory).
 *
 * <p>Not thread-safe: each slice's operator owns its files.
 */
public final class SpillFile implements AutoCloseable {

    private final BufferAllocator allocator;
    private final List<SqlType> types;
    private final int stagingRows;
    private final ByteBuffer header = ByteBuffer.allocate(Long.BYTES);
    private ColumnVector[] staging;
    private int stagedRows;
    private Path path;
    private FileChannel channel;
    private long bytesWritten;
    private long rowCount;
    private boolean closed;

    public SpillFile(BufferAllocator allocator, List<SqlType> types) {
        this(allocator, types, Batch.DEFAULT_CAPACITY);
    }

    /** A file whose rows are staged (and read back) {@code stagingRows} at a time: fewer rows, less memory. */
    public SpillFile(BufferAllocator allocator, List<SqlType> types, int stagingRows) {
        if (stagingRows <= 0 || stagingRows > Batch.DEFAULT_CAPACITY) {
            throw new IllegalArgumentException("staging rows must be in 1.." + Batch.DEFAULT_CAPACITY);
        }
        this.allocator = allocator;
        this.types = List.copyOf(types);
        this.stagingRows = stagingRows;
    }

    public List<SqlType> types() {
        return types;
    }

    /** Rows appended so far. */
    public long rowCount() {
        return rowCount;
    }

    /** Bytes written to disk so far (staged rows not yet included). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Appends every selected row of {@code batch}, whose columns match {@link #types()}. */
    public void append(Batch batch) {
        int n = batch.size();
        int[] selection = batch.selection();
        append(batch, selection, n);
    }

    /** Appends the rows {@code rows[0..count)} (physical row indexes; null means rows 0..count-1) of {@code batch}. */
    public void append(Batch batch, int[] rows, int count) {
        if (closed) {
            throw new IllegalStateException("spill file is closed");
        }
        int done = 0;
        while (done < count) {
            if (staging == null) {
                staging = allocateVectors(stagingRows);
            }
            int take = Math.min(count - done, stagingRows - stagedRows);
            int[] slice = slice(rows, done, take);
            for (int c = 0; c < staging.length; c++) {
                Vectors.gather(batch.column(c), slice, take, staging[c], stagedRows);
            }
            stagedRows += take;
            done += take;
            rowCount += take;
            if (stagedRows == stagingRows) {
                flush();
            }
        }
    }

    private static int[] slice(int[] rows, int from, int count) {
        int[] slice = new int[count];
        for (int i = 0; i < count; i++) {
            slice[i] = rows == null ? from + i : rows[from + i];
        }
        return slice;
    }

    /** Writes the staged rows to the file. */
    private void flush() {
        if (stagedRows == 0) {
            return;
        }
        try {
            if (channel == null) {
                Path directory = SpillPolicy.directory();
                Files.createDirectories(directory);
                path = Files.createTempFile(directory, "spill-", ".bin");
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            int rows = stagedRows;
            writeLong(rows);
            for (ColumnVector vector : staging) {
                boolean nulls = vector.hasNulls();
                writeLong(nulls ? 1 : 0);
                if (nulls) {
                    write(vector.validity(), (rows + 7L) >>> 3);
                }
                if (vector.physicalType() == PhysicalType.VARIABLE) {
                    write(vector.values(), 4L * (rows + 1));
                    long dataBytes = vector.getOffset(rows);
                    writeLong(dataBytes);
                    write(vector.data(), dataBytes);
                } else {
                    write(vector.values(), (long) rows * vector.physicalType().byteWidth());
                }
                vector.reset();
            }
            stagedRows = 0;
        } catch (IOException e) {
            throw ioError("write", e);
        }
    }

    private void writeLong(long value) throws IOException {
        header.clear();
        header.putLong(value).flip();
        bytesWritten += header.remaining();
        while (header.hasRemaining()) {
            channel.write(header);
        }
    }

    private void write(MemorySegment segment, long bytes) throws IOException {
        if (bytes == 0) {
            return;
        }
        ByteBuffer buffer = segment.asSlice(0, bytes).asByteBuffer();
        bytesWritten += bytes;
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Finishes writing and returns a reader over everything appended. Appending after this is allowed and
     * seen by later readers only.
     */
    public Reader read() {
        if (closed) {
            throw new IllegalStateException("spill file is closed");
        }
        flush();
        if (staging != null) {
            closeVectors(staging);
            staging = null;
        }
        return new Reader(bytesWritten);
    }

    private ColumnVector[] allocateVectors(int capacity) {
        ColumnVector[] vectors = new ColumnVector[types.size()];
        try {
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = ColumnVector.allocate(allocator, types.get(c), capacity);
            }
        } catch (RuntimeException e) {
            closeVectors(vectors);
            throw e;
        }
        return vectors;
    }

    private static void closeVectors(ColumnVector[] vectors) {
        for (ColumnVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }

    private CepheidException ioError(String action, IOException e) {
        return new CepheidException(ErrorCode.IO_ERROR, "could not " + action + " spill file "
                + (path == null ? SpillPolicy.directory() : path) + ": " + e.getMessage(), e);
    }

    /** Deletes the file and frees the staging buffers. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (staging != null) {
            closeVectors(staging);
            staging = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // The file is deleted on close; a failure here leaves a temporary file, not a wrong answer.
            }
            channel = null;
        }
    }

    /** Reads the file's batches in order; each returned batch belongs to the caller. */
    public final class Reader {
        private final long end;
        private long position;
        private final ByteBuffer longBuffer = ByteBuffer.allocate(Long.BYTES);

        private Reader(long end) {
            this.end = end;
        }

        /** The next batch, or null at the end. */
        public Batch next() {
            if (position >= end) {
                return null;
            }
            try {
                int rows = (int) readLong();
                ColumnVector[] vectors = allocateVectors(rows);
                Batch batch = new Batch(vectors, rows);
                try {
                    for (ColumnVector vector : vectors) {
                        readColumn(vector, rows);
                    }
                } catch (IOException | RuntimeException e) {
                    batch.close();
                    throw e;
                }
                return batch;
            } catch (IOException e) {
                throw ioError("read", e);
            }
        }

        private void readColumn(ColumnVector vector, int rows) throws IOException {
            boolean nulls = readLong() != 0;
            if (nulls) {
                read(vector.validity(), (rows + 7L) >>> 3);
                vector.setHasNulls(true);
            }
            if (vector.physicalType() == PhysicalType.VARIABLE) {
                read(vector.values(), 4L * (rows + 1));
                long dataBytes = readLong();
                if (rows > 0) {
                    vector.ensureData(0, dataBytes);
                    read(vector.data(), dataBytes);
                    int last = vector.getOffset(rows - 1);
                    vector.setBytesEnd(rows - 1, (int) (dataBytes - last));
                }
            } else {
                read(vector.values(), (long) rows * vector.physicalType().byteWidth());
            }
        }

        private long readLong() throws IOException {
            longBuffer.clear();
            readFully(longBuffer);
            return longBuffer.flip().getLong();
        }

        private void read(MemorySegment segment, long bytes) throws IOException {
            if (bytes > 0) {
                readFully(segment.asSlice(0, bytes).asByteBuffer());
            }
        }

        private void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("unexpected end of file at byte " + position);
                }
                position += read;
            }
        }
    }
}
