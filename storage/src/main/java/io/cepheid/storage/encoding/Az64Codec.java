package io.cepheid.storage.encoding;

import io.cepheid.storage.kernel.DecodeKernels;
import io.cepheid.storage.kernel.DecodeKernelsProvider;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

/**
 * AZ64, Cepheid's integer encoding: frame of reference plus bit-packing in frames of 512 values. Each
 * frame stores its minimum (i64), the bit width of {@code max - min} (u8, 0..64, the difference taken
 * as unsigned so MIN..MAX needs 64 bits) and the differences bit-packed in the eight-lane layout of
 * {@link DecodeKernels}, which SIMD decodes a vector at a time. The last frame may be partial:
 * {@code ceil(n / 8)} positions per lane. Dates within one year in a frame: 9 bits each, 8 + 1 + 576
 * bytes per 512 values against 2,048 RAW.
 *
 * <p>Only integer-like types: for REAL and DOUBLE {@link #encode} returns null and {@link BlockCodec}
 * stores the block LZ4 instead (bit-packing float bits gains little; LZ4 finds repeated bytes);
 * strings fall back to RAW.
 */
final class Az64Codec implements EncodingCodec {
    static final Az64Codec INSTANCE = new Az64Codec();
    /** Values per full frame: 64 positions in each of 8 lanes. */
    static final int FRAME = 64 * DecodeKernels.FRAME_LANES;

    private Az64Codec() {
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (!values.isIntegerLike()) {
            return null;
        }
        long[] v = values.fixed;
        var out = new PayloadWriter(values.count * values.width() / 2 + 16);
        for (int start = 0; start < values.count; start += FRAME) {
            int n = Math.min(FRAME, values.count - start);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = start; i < start + n; i++) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            int bitWidth = 64 - Long.numberOfLeadingZeros(max - min);
            out.writeLong(min);
            out.writeByte(bitWidth);
            int positions = (n + DecodeKernels.FRAME_LANES - 1) / DecodeKernels.FRAME_LANES;
            long[] words = new long[DecodeKernels.wordsPerLane(positions, bitWidth) * DecodeKernels.FRAME_LANES];
            for (int j = 0; j < n && bitWidth > 0; j++) {
                long difference = v[start + j] - min;
                int lane = j % DecodeKernels.FRAME_LANES;
                long bit = (long) (j / DecodeKernels.FRAME_LANES) * bitWidth;
                int word = (int) (bit >>> 6);
                int shift = (int) (bit & 63);
                words[word * DecodeKernels.FRAME_LANES + lane] |= difference << shift;
                if (shift + bitWidth > 64) {
                    words[(word + 1) * DecodeKernels.FRAME_LANES + lane] |= difference >>> (64 - shift);
                }
            }
            for (long word : words) {
                out.writeLong(word);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        int width = type.byteWidth();
        DecodeKernels kernels = DecodeKernelsProvider.get();
        long[] frame = new long[FRAME];
        for (int start = 0; start < rows; start += FRAME) {
            int n = Math.min(FRAME, rows - start);
            long min = payload.readLong();
            int bitWidth = payload.readUnsignedByte();
            if (bitWidth > 64) {
                throw PayloadReader.corrupt("AZ64 bit width " + bitWidth);
            }
            int positions = (n + DecodeKernels.FRAME_LANES - 1) / DecodeKernels.FRAME_LANES;
            long packed = payload.skip(DecodeKernels.frameBytes(positions, bitWidth));
            kernels.unpackFrame(payload.segment(), packed, bitWidth, positions, min, frame);
            FixedWidth.storeAll(frame, n, out.values(), outOffset + start, width);
        }
    }
}
