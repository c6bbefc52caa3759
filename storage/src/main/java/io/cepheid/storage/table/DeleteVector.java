package io.cepheid.storage.table;

import java.util.Arrays;

/**
 * Which rows of one row group are deleted: a bitmap of {@code rowCount} bits (bit r of word r / 64 set
 * when row r is deleted). Immutable; {@link #plus} returns a new vector. A 65,536-row group needs 8 KiB.
 */
public final class DeleteVector {
    private final int rowCount;
    private final long[] words;
    private final int deletedCount;

    private DeleteVector(int rowCount, long[] words) {
        this.rowCount = rowCount;
        this.words = words;
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        this.deletedCount = count;
    }

    public static DeleteVector none(int rowCount) {
        return new DeleteVector(rowCount, new long[wordCount(rowCount)]);
    }

    /** A vector over {@code words} (not copied: the caller hands them over). */
    public static DeleteVector of(int rowCount, long[] words) {
        if (words.length != wordCount(rowCount)) {
            throw new IllegalArgumentException(words.length + " words for " + rowCount + " rows");
        }
        int tail = rowCount & 63;
        if (tail != 0 && (words[words.length - 1] >>> tail) != 0) {
            throw new IllegalArgumentException("bits set past row " + rowCount);
        }
        return new DeleteVector(rowCount, words);
    }

    public static int wordCount(int rowCount) {
        return (rowCount + 63) >>> 6;
    }

    public int rowCount() {
        return rowCount;
    }

    public int deletedCount() {
        return deletedCount;
    }

    public boolean isDeleted(int row) {
        return (words[row >>> 6] & (1L << row)) != 0;
    }

    /** A copy of the bitmap words. */
    public long[] words() {
        return words.clone();
    }

    /** This vector with rows {@code rows[from, to)} also deleted (rows already deleted stay so). */
    public DeleteVector plus(int[] rows, int from, int to) {
        long[] merged = words.clone();
        for (int i = from; i < to; i++) {
            int row = rows[i];
            if (row < 0 || row >= rowCount) {
                throw new IllegalArgumentException("row " + row + " outside a row group of " + rowCount + " rows");
            }
            merged[row >>> 6] |= 1L << row;
        }
        return new DeleteVector(rowCount, merged);
    }

    /**
     * Writes the indexes of the rows that are not deleted, ascending, into {@code out} (capacity at least
     * the live row count) and returns how many there are: the scan's selection vector.
     */
    public int liveRows(int[] out) {
        int count = 0;
        for (int w = 0; w < words.length; w++) {
            long live = ~words[w];
            if (w == words.length - 1 && (rowCount & 63) != 0) {
                live &= (1L << (rowCount & 63)) - 1;
            }
            while (live != 0) {
                out[count++] = (w << 6) + Long.numberOfTrailingZeros(live);
                live &= live - 1;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeleteVector that && rowCount == that.rowCount && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return 31 * rowCount + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "DeleteVector[" + deletedCount + " of " + rowCount + " rows deleted]";
    }
}
