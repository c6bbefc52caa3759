package io.cepheid.storage.encoding;

import java.util.Arrays;

/** Open-addressing map from a long to its insertion index, for building dictionaries without boxing. */
final class LongIndexMap {
    private final long[] keys;
    private final int[] indexes;
    private final int mask;
    private int size;

    /** A map that will hold at most {@code maxEntries} keys. */
    LongIndexMap(int maxEntries) {
        int capacity = Integer.highestOneBit(Math.max(4, maxEntries) * 2 - 1) << 1;
        keys = new long[capacity];
        indexes = new int[capacity];
        Arrays.fill(indexes, -1);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The index of {@code key}, adding it with the next index if absent; -1 when full. */
    int indexOf(long key, int maxEntries) {
        int slot = (int) (mix(key) & mask);
        while (indexes[slot] >= 0) {
            if (keys[slot] == key) {
                return indexes[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (size >= maxEntries) {
            return -1;
        }
        keys[slot] = key;
        indexes[slot] = size;
        return size++;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
