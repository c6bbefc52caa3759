package io.cepheid.executor.operator;

import io.cepheid.storage.memory.BufferAllocator;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A growable array of longs in accounted off-heap memory: hash-table slots and per-group aggregate states. */
final class OffHeapLongs implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final BufferAllocator allocator;
    private MemorySegment segment;
    private long length;

    OffHeapLongs(BufferAllocator allocator, long length, long initialValue) {
        this.allocator = allocator;
        this.segment = allocator.allocate(Math.max(1, length) * 8);
        this.length = length;
        fill(0, length, initialValue);
    }

    long length() {
        return length;
    }

    long get(long index) {
        return segment.getAtIndex(LONG, index);
    }

    void set(long index, long value) {
        segment.setAtIndex(LONG, index, value);
    }

    void add(long index, long delta) {
        segment.setAtIndex(LONG, index, segment.getAtIndex(LONG, index) + delta);
    }

    /** Copies entries [from, to) into the same positions of {@code target}. */
    void copyTo(OffHeapLongs target, long from, long to) {
        MemorySegment.copy(segment, from * 8, target.segment, from * 8, (to - from) * 8);
    }

    /** Grows to at least {@code minimum} entries (doubling), filling new entries with {@code initialValue}. */
    void ensureLength(long minimum, long initialValue) {
        if (minimum <= length) {
            return;
        }
        long grown = Math.max(minimum, length * 2);
        segment = allocator.reallocate(segment, length * 8, grown * 8);
        fill(length, grown, initialValue);
        length = grown;
    }

    private void fill(long from, long to, long value) {
        if (value == 0) {
            segment.asSlice(from * 8, (to - from) * 8).fill((byte) 0);
        } else {
            for (long i = from; i < to; i++) {
                segment.setAtIndex(LONG, i, value);
            }
        }
    }

    @Override
    public void close() {
        allocator.free(segment);
        segment = null;
    }
}
