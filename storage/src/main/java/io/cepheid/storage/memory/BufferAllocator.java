package io.cepheid.storage.memory;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounted off-heap memory for one query (or one load, or one test). Buffers are allocated and freed
 * one by one; the allocator tracks the bytes outstanding, refuses to go over its limit with a clear
 * error (SQLSTATE 53200), and reports a leak when closed with bytes still outstanding.
 * Thread-safe: slices of one query allocate from it concurrently.
 */
public final class BufferAllocator implements AutoCloseable {
    /** No limit: for tests and for the engine's own long-lived structures. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final String name;
    private final long limit;
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean closed;

    public BufferAllocator(String name, long limit) {
        this.name = name;
        this.limit = limit;
    }

    public static BufferAllocator unlimited(String name) {
        return new BufferAllocator(name, UNLIMITED);
    }

    /** Allocates {@code bytes} of uninitialized off-heap memory, charged to this allocator. */
    public MemorySegment allocate(long bytes) {
        if (closed) {
            throw new IllegalStateException("allocator " + name + " is closed");
        }
        long now = allocated.addAndGet(bytes);
        if (now > limit) {
            allocated.addAndGet(-bytes);
            throw new CepheidException(ErrorCode.OUT_OF_MEMORY, String.format(
                    "query memory limit exceeded: %s needs %,d more bytes with %,d in use of its %,d byte limit"
                            + " (raise it with SET query_memory_limit)", name, bytes, now - bytes, limit));
        }
        peak.accumulateAndGet(now, Math::max);
        return NativeMemory.allocate(bytes);
    }

    /** Allocates zero-filled memory. */
    public MemorySegment allocateZeroed(long bytes) {
        MemorySegment segment = allocate(bytes);
        segment.fill((byte) 0);
        return segment;
    }

    /** Returns a segment obtained from {@link #allocate}; its whole size is credited back. */
    public void free(MemorySegment segment) {
        if (segment == null) {
            return;
        }
        allocated.addAndGet(-segment.byteSize());
        NativeMemory.free(segment);
    }

    /** Grows a segment to {@code newBytes}, keeping its first {@code keepBytes} bytes. */
    public MemorySegment reallocate(MemorySegment old, long keepBytes, long newBytes) {
        MemorySegment grown = allocate(newBytes);
        if (old != null) {
            MemorySegment.copy(old, 0, grown, 0, Math.min(keepBytes, Math.min(old.byteSize(), newBytes)));
            free(old);
        }
        return grown;
    }

    public long allocatedBytes() {
        return allocated.get();
    }

    public long peakBytes() {
        return peak.get();
    }

    public long limit() {
        return limit;
    }

    public String name() {
        return name;
    }

    /** Closes the allocator; throws if memory is still outstanding (a leak is a bug). */
    @Override
    public void close() {
        closed = true;
        long left = allocated.get();
        if (left != 0) {
            throw new IllegalStateException("Memory was leaked by " + name + ": " + left + " bytes outstanding");
        }
    }
}
