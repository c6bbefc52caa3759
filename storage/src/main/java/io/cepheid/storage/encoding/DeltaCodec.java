package io.cepheid.storage.encoding;

import io.cepheid.storage.kernel.DecodeKernels;
import io.cepheid.storage.kernel.DecodeKernelsProvider;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

/**
 * DELTA (1-byte deltas) and DELTA32K (2-byte deltas) for integer-like types: i64 first value, then
 * {@code rows - 1} signed differences between consecutive values. Differences are taken in wrapping
 * 64-bit arithmetic, so decoding by wrapping addition is exact even across overflow. When one difference
 * does not fit, {@link #encode} returns null and the block is stored RAW (Redshift's rule: the encoding
 * is per column, the block may still be raw). Decoding is a prefix sum in {@link DecodeKernels}.
 */
final class DeltaCodec implements EncodingCodec {
    static final DeltaCodec ONE_BYTE = new DeltaCodec(1);
    static final DeltaCodec TWO_BYTES = new DeltaCodec(2);

    private final int deltaBytes;

    private DeltaCodec(int deltaBytes) {
        this.deltaBytes = deltaBytes;
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (!values.isIntegerLike() || values.type == PhysicalType.BOOLEAN) {
            return null;
        }
        long[] v = values.fixed;
        var out = new PayloadWriter(8 + values.count * deltaBytes);
        if (values.count == 0) {
            return out.toByteArray();
        }
        out.writeLong(v[0]);
        long limit = deltaBytes == 1 ? Byte.MAX_VALUE : Short.MAX_VALUE;
        for (int i = 1; i < values.count; i++) {
            long delta = v[i] - v[i - 1];
            if (delta > limit || delta < -limit - 1) {
                return null;
            }
            out.writeValue(delta, deltaBytes);
        }
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        if (rows == 0) {
            return;
        }
        int width = type.byteWidth();
        long running = payload.readLong();
        long deltas = payload.skip((long) (rows - 1) * deltaBytes);
        DecodeKernels kernels = DecodeKernelsProvider.get();
        long[] chunk = new long[Math.min(rows, FixedWidth.CHUNK)];
        chunk[0] = running;
        int done = 0;
        int chunkStart = 1;
        while (done < rows) {
            int n = Math.min(chunk.length, rows - done) - chunkStart;
            long at = deltas + (long) (done + chunkStart - 1) * deltaBytes;
            running = deltaBytes == 1
                    ? kernels.prefixSumBytes(payload.segment(), at, n, running, chunk, chunkStart)
                    : kernels.prefixSumShorts(payload.segment(), at, n, running, chunk, chunkStart);
            FixedWidth.storeAll(chunk, chunkStart + n, out.values(), outOffset + done, width);
            done += chunkStart + n;
            chunkStart = 0;
        }
    }
}
