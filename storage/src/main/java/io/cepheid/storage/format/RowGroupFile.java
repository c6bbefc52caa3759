package io.cepheid.storage.format;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The layout of a row-group file: one BlockCodec block per column, back to back, then a footer that
 * indexes them, so a reader maps the file and finds any column's block without touching the others.
 *
 * <p>Layout (little-endian): block 0 ... block n-1, then the footer: i32 row count, i32 column count,
 * (i64 offset, i64 length) per column, i32 footer length (everything from the row count on), and the
 * magic {@code "CPRG"}. With 3 columns the footer is 4 + 4 + 3 * 16 + 4 + 4 = 64 bytes.
 */
public final class RowGroupFile {
    private static final int MAGIC = 0x47525043; // "CPRG" read little-endian
    private static final int TRAILER_BYTES = 8;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private RowGroupFile() {
    }

    /** Where each column's block lies in a row-group file. */
    public record Index(int rowCount, long[] offsets, long[] lengths) {
        public int columnCount() {
            return offsets.length;
        }

        public MemorySegment block(MemorySegment file, int column) {
            return file.asSlice(offsets[column], lengths[column]);
        }
    }

    /** Lays out encoded column blocks as one file. */
    public static byte[] write(int rowCount, List<byte[]> blocks) {
        long blockBytes = 0;
        for (byte[] block : blocks) {
            blockBytes += block.length;
        }
        int footerBytes = 8 + 16 * blocks.size();
        long total = blockBytes + footerBytes + TRAILER_BYTES;
        if (total > Integer.MAX_VALUE - 16) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "a row group of " + total + " bytes is over the 2 GiB file limit");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] block : blocks) {
            out.put(block);
        }
        out.putInt(rowCount);
        out.putInt(blocks.size());
        long offset = 0;
        for (byte[] block : blocks) {
            out.putLong(offset);
            out.putLong(block.length);
            offset += block.length;
        }
        out.putInt(footerBytes);
        out.putInt(MAGIC);
        return out.array();
    }

    /** Reads the footer of a mapped row-group file; {@code name} is for error messages. */
    public static Index read(MemorySegment file, String name) {
        long size = file.byteSize();
        if (size < TRAILER_BYTES + 8 || file.get(INT, size - 4) != MAGIC) {
            throw corrupt(name, "no row-group footer");
        }
        int footerBytes = file.get(INT, size - 8);
        long footerStart = size - TRAILER_BYTES - footerBytes;
        if (footerBytes < 8 || footerStart < 0) {
            throw corrupt(name, "footer length " + footerBytes);
        }
        int rowCount = file.get(INT, footerStart);
        int columns = file.get(INT, footerStart + 4);
        if (columns < 0 || footerBytes != 8 + 16L * columns) {
            throw corrupt(name, "footer of " + footerBytes + " bytes for " + columns + " columns");
        }
        long[] offsets = new long[columns];
        long[] lengths = new long[columns];
        for (int i = 0; i < columns; i++) {
            offsets[i] = file.get(LONG, footerStart + 8 + 16L * i);
            lengths[i] = file.get(LONG, footerStart + 16 + 16L * i);
            if (offsets[i] < 0 || lengths[i] < 0 || offsets[i] + lengths[i] > footerStart) {
                throw corrupt(name, "block " + i + " lies outside the file");
            }
        }
        return new Index(rowCount, offsets, lengths);
    }

    private static CepheidException corrupt(String name, String problem) {
        return new CepheidException(ErrorCode.DATA_CORRUPTED, "row-group file " + name + " is corrupt: " + problem);
    }
}
