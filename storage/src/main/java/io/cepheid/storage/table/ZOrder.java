package io.cepheid.storage.table;

import io.cepheid.storage.vector.ColumnVector;

import java.util.List;

/**
 * Z-order (Morton) keys for an INTERLEAVED sort key. Each sort column's values are first mapped to an
 * order-preserving unsigned key: the value's rank among the distinct values being sorted (NULLs rank after
 * every value, as they sort last), scaled to the column's share of the 63 key bits so that a column with
 * few distinct values still spans its whole share. The keys' bits are then interleaved, most significant
 * first, first sort column first: rows close in the z-order are close in every column, so each row group
 * covers a narrow range of each sort column and zone maps prune on any of them, not just the first.
 *
 * <p>Ranks rather than raw values make every type (strings of any length, 128-bit decimals, floats) and
 * every distribution (one outlier, clustered values) use the key bits evenly; the price is one sort per
 * column of the rows being ordered.
 */
final class ZOrder {
    /** Key bits in all: 63, so keys compare as non-negative longs. */
    static final int KEY_BITS = 63;

    private ZOrder() {
    }

    /** The z-order key of rows {@code [0, rowCount)} of the key columns (sort-key order). */
    static long[] keys(ColumnVector[] keyColumns, int rowCount) {
        int columns = keyColumns.length;
        int bitsPerColumn = KEY_BITS / columns;
        long[][] scaled = new long[columns][];
        for (int c = 0; c < columns; c++) {
            scaled[c] = scaledRanks(keyColumns[c], rowCount, bitsPerColumn);
        }
        long[] keys = new long[rowCount];
        for (int row = 0; row < rowCount; row++) {
            long key = 0;
            for (int bit = bitsPerColumn - 1; bit >= 0; bit--) {
                for (int c = 0; c < columns; c++) {
                    key = (key << 1) | ((scaled[c][row] >>> bit) & 1);
                }
            }
            keys[row] = key;
        }
        return keys;
    }

    /**
     * Each row's rank among the column's distinct values (equal values share a rank), stretched or squeezed
     * by a power of two to fill {@code bits} bits: order-preserving, so rows equal in the column stay equal.
     */
    static long[] scaledRanks(ColumnVector column, int rowCount, int bits) {
        int[] order = RowGroupSorter.sortedOrder(new ColumnVector[] {column}, rowCount, List.of(0));
        long[] ranks = new long[rowCount];
        ColumnVector[] single = {column};
        long rank = 0;
        for (int i = 0; i < rowCount; i++) {
            if (i > 0 && RowGroupSorter.compare(single, order[i - 1], order[i]) != 0) {
                rank++;
            }
            ranks[order[i]] = rank;
        }
        long distinct = rank + 1;
        int rankBits = 64 - Long.numberOfLeadingZeros(Math.max(1, distinct - 1));
        for (int row = 0; row < rowCount; row++) {
            ranks[row] = rankBits <= bits ? ranks[row] << (bits - rankBits) : ranks[row] >>> (rankBits - bits);
        }
        return ranks;
    }
}
