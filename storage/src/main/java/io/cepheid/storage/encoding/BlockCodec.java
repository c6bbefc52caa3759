package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Encodes a run of a column's values into one self-describing block (header with encoding, row count,
 * null count and zone map, then the validity bitmap when there are nulls, then the encoded values) and
 * decodes it back into a {@link ColumnVector}. The entry point storage and the executor use.
 *
 * <p>Block layout (little-endian): u8 format version, u8 encoding ordinal, i32 rows, i32 nulls, zone map,
 * [validity bitmap: (rows + 7) / 8 bytes when nulls &gt; 0], encoding payload.
 */
public final class BlockCodec {
    private static final byte FORMAT_VERSION = 1;

    private BlockCodec() {
    }

    /** Encodes rows {@code [offset, offset + count)} of {@code vector} with {@code encoding} (AUTO picks). */
    public static byte[] encode(SqlType type, Encoding encoding, ColumnVector vector, int offset, int count) {
        var out = new ByteArrayOutputStream(64 + count * 8);
        try {
            var data = new DataOutputStream(out);
            int nulls = 0;
            for (int i = 0; i < count; i++) {
                if (vector.isNull(offset + i)) {
                    nulls++;
                }
            }
            out.write(FORMAT_VERSION);
            out.write(Encoding.RAW.ordinal());
            writeIntLe(data, count);
            writeIntLe(data, nulls);
            ZoneMapCodec.write(data, ZoneMapCodec.compute(type, vector, offset, count));
            if (nulls > 0) {
                byte[] bitmap = new byte[(count + 7) >>> 3];
                for (int i = 0; i < count; i++) {
                    if (!vector.isNull(offset + i)) {
                        bitmap[i >>> 3] |= (byte) (1 << (i & 7));
                    }
                }
                out.write(bitmap);
            }
            writeRaw(data, vector, offset, count);
            data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BlockHeader header(MemorySegment block) {
        int version = block.get(ValueLayout.JAVA_BYTE, 0);
        if (version != FORMAT_VERSION) {
            throw new IllegalStateException("unknown block format version " + version);
        }
        Encoding encoding = Encoding.values()[block.get(ValueLayout.JAVA_BYTE, 1)];
        int rows = block.get(ValueLayout.JAVA_INT_UNALIGNED, 2);
        int nulls = block.get(ValueLayout.JAVA_INT_UNALIGNED, 6);
        long[] position = {10};
        ZoneMap zoneMap = ZoneMapCodec.read(block, position);
        return new BlockHeader(encoding, rows, nulls, zoneMap, (int) position[0]);
    }

    /** Decodes {@code block} into rows {@code [outOffset, outOffset + rows)} of {@code out}. */
    public static void decode(SqlType type, MemorySegment block, ColumnVector out, int outOffset) {
        BlockHeader header = header(block);
        long position = header.headerBytes();
        int rows = header.rowCount();
        MemorySegment bitmap = null;
        if (header.nullCount() > 0) {
            bitmap = block.asSlice(position, (rows + 7) >>> 3);
            position += (rows + 7) >>> 3;
        }
        PhysicalType physical = type.physicalType();
        if (physical == PhysicalType.VARIABLE) {
            for (int i = 0; i < rows; i++) {
                int length = block.get(ValueLayout.JAVA_INT_UNALIGNED, position);
                position += 4;
                out.setBytes(outOffset + i, block, position, length);
                position += length;
            }
        } else {
            long bytes = (long) rows * physical.byteWidth();
            MemorySegment.copy(block, position, out.values(), (long) outOffset * physical.byteWidth(), bytes);
        }
        if (bitmap != null) {
            for (int i = 0; i < rows; i++) {
                if ((bitmap.get(ValueLayout.JAVA_BYTE, i >>> 3) & (1 << (i & 7))) == 0) {
                    out.setNull(outOffset + i);
                }
            }
        }
    }

    private static void writeRaw(DataOutputStream data, ColumnVector vector, int offset, int count) throws IOException {
        PhysicalType physical = vector.physicalType();
        if (physical == PhysicalType.VARIABLE) {
            for (int i = 0; i < count; i++) {
                byte[] bytes = vector.isNull(offset + i) ? new byte[0] : vector.getBytes(offset + i);
                writeIntLe(data, bytes.length);
                data.write(bytes);
            }
        } else {
            int width = physical.byteWidth();
            byte[] bytes = new byte[count * width];
            MemorySegment.copy(vector.values(), ValueLayout.JAVA_BYTE, (long) offset * width, bytes, 0, bytes.length);
            data.write(bytes);
        }
    }

    static void writeIntLe(DataOutputStream data, int value) throws IOException {
        data.writeInt(Integer.reverseBytes(value));
    }

    static void writeLongLe(DataOutputStream data, long value) throws IOException {
        data.writeLong(Long.reverseBytes(value));
    }
}
