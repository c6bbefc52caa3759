package io.cepheid.storage.encoding;

import com.github.luben.zstd.Zstd;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;
import net.jpountz.lz4.LZ4Factory;

import java.lang.foreign.MemorySegment;

/**
 * LZ4 and ZSTD: the RAW payload compressed as a whole with lz4-java (fastest instance) or zstd-jni
 * (level 3). Payload: i32 RAW length, i32 compressed length, then the compressed bytes (lengths stated,
 * so a block read from a larger segment does not hand trailing bytes to the decompressor). They work on any type but do best on
 * strings; on integers DELTA, BYTEDICT or AZ64 first compress far better (lz4 on sorted ids: ratio 1.0).
 */
final class CompressedCodec implements EncodingCodec {
    static final CompressedCodec LZ4 = new CompressedCodec(true);
    static final CompressedCodec ZSTD = new CompressedCodec(false);
    private static final int ZSTD_LEVEL = 3;

    private final boolean lz4;

    private CompressedCodec(boolean lz4) {
        this.lz4 = lz4;
    }

    @Override
    public byte[] encode(BlockValues values) {
        byte[] raw = RawCodec.INSTANCE.encode(values);
        byte[] compressed = lz4
                ? LZ4Factory.fastestInstance().fastCompressor().compress(raw)
                : Zstd.compress(raw, ZSTD_LEVEL);
        var out = new PayloadWriter(8 + compressed.length);
        out.writeInt(raw.length);
        out.writeInt(compressed.length);
        out.writeBytes(compressed);
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        int rawLength = payload.readInt();
        long expected = type == PhysicalType.VARIABLE ? -1 : (long) rows * type.byteWidth();
        if (rawLength < 0 || (expected >= 0 && rawLength != expected) || (expected < 0 && rawLength < 4L * rows)) {
            throw PayloadReader.corrupt("compressed payload claims " + rawLength + " raw bytes for " + rows + " rows");
        }
        byte[] compressed = payload.readBytes(payload.readCount("compressed length", payload.remaining()));
        byte[] raw = new byte[rawLength];
        int produced;
        try {
            if (lz4) {
                produced = LZ4Factory.fastestInstance().safeDecompressor().decompress(compressed, 0, compressed.length, raw, 0);
            } else {
                long result = Zstd.decompressByteArray(raw, 0, rawLength, compressed, 0, compressed.length);
                produced = Zstd.isError(result) ? -1 : (int) result;
            }
        } catch (RuntimeException e) {
            // lz4-java throws LZ4Exception, zstd-jni ZstdException: both unchecked, both mean bad bytes.
            throw new CepheidException(ErrorCode.DATA_CORRUPTED,
                    "corrupt block: " + (lz4 ? "LZ4" : "ZSTD") + " payload does not decompress: " + e.getMessage(), e);
        }
        if (produced != rawLength) {
            throw PayloadReader.corrupt("decompressed " + produced + " bytes, expected " + rawLength);
        }
        RawCodec.INSTANCE.decode(type, new PayloadReader(MemorySegment.ofArray(raw), 0), rows, out, outOffset);
    }
}
