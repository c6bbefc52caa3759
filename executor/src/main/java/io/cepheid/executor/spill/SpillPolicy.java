package io.cepheid.executor.spill;

import io.cepheid.storage.memory.BufferAllocator;

import java.nio.file.Path;

/**
 * When and where operators spill. A spilling operator checks {@link #overBudget} once per input batch: past
 * half of the query's budget it moves work to disk, leaving the other half for the batches in flight, the
 * operators above it and the partitions it later reads back. Partitions split {@link #PARTITION_BITS} hash
 * bits per level, taken from the top of the 64-bit key hash (hash tables index with the low bits), for at
 * most {@link #MAX_LEVELS} levels; a partition that is still too big after that is processed in memory.
 */
public final class SpillPolicy {
    public static final int PARTITION_BITS = 4;
    public static final int PARTITIONS = 1 << PARTITION_BITS;
    public static final int MAX_LEVELS = 4;
    /** Spill files go here unless the system property {@code cepheid.spill.dir} names another directory. */
    public static final String DIRECTORY_PROPERTY = "cepheid.spill.dir";

    private SpillPolicy() {
    }

    /** True when the query's accounted memory is past the point where operators should spill. */
    public static boolean overBudget(BufferAllocator allocator) {
        long limit = allocator.limit();
        return limit != BufferAllocator.UNLIMITED && allocator.allocatedBytes() > limit / 2;
    }

    /**
     * True when the query's accounted memory plus {@code bytesToAllocate}, which the operator is about to
     * allocate in one piece (a hash table over the rows it holds), would be past the point where it should spill.
     */
    public static boolean overBudget(BufferAllocator allocator, long bytesToAllocate) {
        long limit = allocator.limit();
        return limit != BufferAllocator.UNLIMITED && allocator.allocatedBytes() + bytesToAllocate > limit / 2;
    }

    /** Right shift that brings the partition bits of {@code level} (0 = first split) to the bottom. */
    public static int shift(int level) {
        if (level < 0 || level >= MAX_LEVELS) {
            throw new IllegalArgumentException("spill level " + level + " out of range");
        }
        return Long.SIZE - PARTITION_BITS * (level + 1);
    }

    /** The partition of a key hash at {@code level}. */
    public static int partition(long hash, int level) {
        return (int) (hash >>> shift(level)) & (PARTITIONS - 1);
    }

    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "cepheid-spill");
    }
}
