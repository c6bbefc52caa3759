package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

/**
 * MOSTLY8, MOSTLY16 and MOSTLY32 for integer-like types wider than the narrow width: every value stored
 * in 1, 2 or 4 bytes, except those that do not fit, which are zero in the narrow array and listed
 * separately. Payload: i32 exception count, {@code rows} narrow values, exception rows (i32, ascending),
 * exception values (i64). BIGINT ids under 128 with 1% outliers: 1 + 0.01 * 12 = 1.12 bytes per value
 * instead of 8.
 */
final class MostlyCodec implements EncodingCodec {
    static final MostlyCodec MOSTLY8 = new MostlyCodec(1);
    static final MostlyCodec MOSTLY16 = new MostlyCodec(2);
    static final MostlyCodec MOSTLY32 = new MostlyCodec(4);

    private final int narrowBytes;

    private MostlyCodec(int narrowBytes) {
        this.narrowBytes = narrowBytes;
    }

    private boolean fits(long value) {
        long max = (1L << (8 * narrowBytes - 1)) - 1;
        return value <= max && value >= -max - 1;
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (!values.isIntegerLike() || values.width() <= narrowBytes) {
            return null;
        }
        long[] v = values.fixed;
        int exceptions = 0;
        for (int i = 0; i < values.count; i++) {
            if (!fits(v[i])) {
                exceptions++;
            }
        }
        var out = new PayloadWriter(4 + values.count * narrowBytes + exceptions * 12);
        out.writeInt(exceptions);
        for (int i = 0; i < values.count; i++) {
            out.writeValue(fits(v[i]) ? v[i] : 0, narrowBytes);
        }
        for (int i = 0; i < values.count; i++) {
            if (!fits(v[i])) {
                out.writeInt(i);
            }
        }
        for (int i = 0; i < values.count; i++) {
            if (!fits(v[i])) {
                out.writeLong(v[i]);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        int width = type.byteWidth();
        int exceptions = payload.readCount("exception count", rows);
        long narrow = payload.skip((long) rows * narrowBytes);
        long[] chunk = new long[Math.min(Math.max(rows, 1), FixedWidth.CHUNK)];
        for (int done = 0; done < rows; done += chunk.length) {
            int n = Math.min(chunk.length, rows - done);
            FixedWidth.loadAll(payload.segment(), narrow + (long) done * narrowBytes, narrowBytes, chunk, n);
            FixedWidth.storeAll(chunk, n, out.values(), outOffset + done, width);
        }
        long exceptionRows = payload.skip(4L * exceptions);
        long exceptionValues = payload.skip(8L * exceptions);
        for (int i = 0; i < exceptions; i++) {
            int row = payload.segment().get(PayloadReader.INT, exceptionRows + 4L * i);
            if (row < 0 || row >= rows) {
                throw PayloadReader.corrupt("exception row " + row + " outside [0, " + rows + ")");
            }
            long value = payload.segment().get(PayloadReader.LONG, exceptionValues + 8L * i);
            FixedWidth.write(out.values(), (long) (outOffset + row) * width, width, value);
        }
    }
}
