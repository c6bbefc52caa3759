package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;

/**
 * RAW: fixed-width values as little-endian bytes, copied to the vector in one bulk copy; strings as
 * {@code rows} i32 lengths followed by the concatenated bytes.
 */
final class RawCodec implements EncodingCodec {
    static final RawCodec INSTANCE = new RawCodec();

    private RawCodec() {
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (values.isString()) {
            var out = new PayloadWriter(4 * values.count + values.bytes.length);
            for (int i = 0; i < values.count; i++) {
                out.writeInt(values.length(i));
            }
            out.writeBytes(values.bytes, 0, values.offsets[values.count]);
            return out.toByteArray();
        }
        int width = values.width();
        var out = new PayloadWriter(values.count * width);
        if (values.isWide()) {
            for (long half : values.fixed) {
                out.writeLong(half);
            }
            return out.toByteArray();
        }
        for (int i = 0; i < values.count; i++) {
            out.writeValue(values.fixed[i], width);
        }
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        if (type == PhysicalType.VARIABLE) {
            long lengths = payload.skip(4L * rows);
            long data = payload.position();
            long end = data;
            MemorySegment segment = payload.segment();
            for (int i = 0; i < rows; i++) {
                int length = segment.get(PayloadReader.INT, lengths + 4L * i);
                if (length < 0 || length > payload.segment().byteSize() - end) {
                    throw PayloadReader.corrupt("string length " + length + " of row " + i + " runs past the block");
                }
                out.setBytes(outOffset + i, segment, end, length);
                end += length;
            }
            payload.skip(end - data);
            return;
        }
        int width = type.byteWidth();
        long at = payload.skip((long) rows * width);
        // Blocks are little-endian and vectors native-endian; every platform Cepheid runs on is little-endian.
        MemorySegment.copy(payload.segment(), at, out.values(), (long) outOffset * width, (long) rows * width);
    }
}
