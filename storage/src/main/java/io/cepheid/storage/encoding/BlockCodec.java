package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * Encodes a run of a column's values into one self-describing block (header with encoding, row count,
 * null count and zone map, then the validity bitmap when there are nulls, then the encoded values) and
 * decodes it back into a {@link ColumnVector}. The entry point storage and the executor use.
 *
 * <p>Block layout (little-endian): u8 format version, u8 encoding ordinal, i32 rows, i32 nulls, zone map,
 * [validity bitmap: (rows + 7) / 8 bytes when nulls &gt; 0], encoding payload. The header records the
 * encoding the block was actually stored with: a DELTA column's block whose differences do not fit, or a
 * BYTEDICT block with 257 distinct values, says RAW (Redshift's rule: the encoding is per column, a
 * block may still be raw), and AUTO records the winner. Encoders see a null row as the previous row's
 * value (strings: empty), see {@link BlockValues}; decoded vectors hold zeros under nulls.
 */
public final class BlockCodec {
    private static final byte FORMAT_VERSION = 1;
    private static final Encoding[] ENCODINGS = Encoding.values();

    private BlockCodec() {
    }

    /** Encodes rows {@code [offset, offset + count)} of {@code vector} with {@code encoding} (AUTO picks). */
    public static byte[] encode(SqlType type, Encoding encoding, ColumnVector vector, int offset, int count) {
        Objects.requireNonNull(encoding, "encoding is null");
        if (vector.physicalType() != type.physicalType()) {
            throw new IllegalArgumentException("vector of " + vector.type() + " encoded as " + type);
        }
        int nulls = 0;
        if (vector.hasNulls()) {
            for (int i = 0; i < count; i++) {
                if (vector.isNull(offset + i)) {
                    nulls++;
                }
            }
        }
        BlockValues values = BlockValues.of(vector, offset, count);
        Encoding stored;
        byte[] payload;
        if (encoding == Encoding.AUTO) {
            stored = Encoding.RAW;
            payload = RawCodec.INSTANCE.encode(values);
            for (Encoding candidate : EncodingCodecs.autoCandidates(type.physicalType())) {
                byte[] trial = candidate == Encoding.RAW ? null : EncodingCodecs.forEncoding(candidate).encode(values);
                if (trial != null && trial.length < payload.length) {
                    stored = candidate;
                    payload = trial;
                }
            }
        } else {
            stored = encoding;
            payload = EncodingCodecs.forEncoding(encoding).encode(values);
            if (payload == null) {
                stored = EncodingCodecs.fallback(encoding, type.physicalType());
                payload = EncodingCodecs.forEncoding(stored).encode(values);
            }
        }
        var out = new PayloadWriter(64 + payload.length + (nulls > 0 ? (count + 7) >>> 3 : 0));
        out.writeByte(FORMAT_VERSION);
        out.writeByte(stored.ordinal());
        out.writeInt(count);
        out.writeInt(nulls);
        ZoneMapCodec.write(out, ZoneMapCodec.compute(type, vector, offset, count));
        if (nulls > 0) {
            byte[] bitmap = new byte[(count + 7) >>> 3];
            for (int i = 0; i < count; i++) {
                if (!vector.isNull(offset + i)) {
                    bitmap[i >>> 3] |= (byte) (1 << (i & 7));
                }
            }
            out.writeBytes(bitmap);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Reads a block's header; a truncated or inconsistent header is DATA_CORRUPTED. */
    public static BlockHeader header(MemorySegment block) {
        var in = new PayloadReader(block, 0);
        int version = in.readUnsignedByte();
        if (version != FORMAT_VERSION) {
            throw PayloadReader.corrupt("unknown block format version " + version);
        }
        int ordinal = in.readUnsignedByte();
        if (ordinal >= ENCODINGS.length || ENCODINGS[ordinal] == Encoding.AUTO) {
            throw PayloadReader.corrupt("unknown encoding " + ordinal);
        }
        int rows = in.readCount("row count", Integer.MAX_VALUE);
        int nulls = in.readCount("null count", rows);
        ZoneMap zoneMap = ZoneMapCodec.read(in);
        return new BlockHeader(ENCODINGS[ordinal], rows, nulls, zoneMap, (int) in.position());
    }

    /** Decodes {@code block} into rows {@code [outOffset, outOffset + rows)} of {@code out}. */
    public static void decode(SqlType type, MemorySegment block, ColumnVector out, int outOffset) {
        if (out.physicalType() != type.physicalType()) {
            throw new IllegalArgumentException("block of " + type + " decoded into a vector of " + out.type());
        }
        BlockHeader header = header(block);
        int rows = header.rowCount();
        if ((long) outOffset + rows > out.capacity()) {
            throw new IllegalArgumentException("block of " + rows + " rows does not fit at row " + outOffset
                    + " of a vector of " + out.capacity());
        }
        var in = new PayloadReader(block, header.headerBytes());
        long bitmap = header.nullCount() > 0 ? in.skip((rows + 7) >>> 3) : -1;
        PhysicalType physical = type.physicalType();
        EncodingCodecs.forEncoding(header.encoding()).decode(physical, in, rows, out, outOffset);
        applyValidity(block, bitmap, rows, out, outOffset);
    }

    /**
     * Copies the block's validity into the vector's bitmap and zeroes fixed-width values under nulls (encoders
     * saw the previous value there; ColumnVector keeps zeros under nulls). A block without nulls still clears
     * stale null bits of a reused vector.
     */
    private static void applyValidity(MemorySegment block, long bitmap, int rows, ColumnVector out, int outOffset) {
        if (bitmap < 0 && !out.hasNulls()) {
            return;
        }
        MemorySegment validity = out.validity();
        int width = out.physicalType() == PhysicalType.VARIABLE ? 0 : out.physicalType().byteWidth();
        int nulls = 0;
        for (int i = 0; i < rows; i++) {
            boolean valid = bitmap < 0 || (block.get(ValueLayout.JAVA_BYTE, bitmap + (i >>> 3)) & (1 << (i & 7))) != 0;
            int row = outOffset + i;
            byte bits = validity.get(ValueLayout.JAVA_BYTE, row >>> 3);
            int bit = 1 << (row & 7);
            validity.set(ValueLayout.JAVA_BYTE, row >>> 3, (byte) (valid ? bits | bit : bits & ~bit));
            if (!valid) {
                nulls++;
                if (width > 0) {
                    out.values().asSlice((long) row * width, width).fill((byte) 0);
                }
            }
        }
        if (nulls > 0) {
            out.setHasNulls(true);
        }
    }

    /**
     * Whether {@code ENCODE encoding} is allowed on a column of {@code type}: Redshift's rules (DELTA and
     * MOSTLY on integers wider than the narrow width, TEXT255/TEXT32K on strings), with AZ64 also taking
     * REAL and DOUBLE (stored LZ4). For CREATE TABLE validation; {@link #encode} itself never rejects.
     */
    public static boolean supports(Encoding encoding, SqlType type) {
        return EncodingCodecs.supports(encoding, type.physicalType());
    }
}
