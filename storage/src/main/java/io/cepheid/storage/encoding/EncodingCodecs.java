package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;

import java.util.List;

/**
 * Which codec stores each {@link Encoding}, what a block falls back to when its codec declines, and
 * which encodings AUTO tries.
 */
final class EncodingCodecs {
    /**
     * AUTO's candidates per physical type; the smallest payload wins, ties going to the earlier (cheaper
     * to decode) one. ZSTD is left out because compressing every block at level 3 as a trial slows loads
     * several times over; name it explicitly to get it.
     */
    private static final List<Encoding> INTEGER_CANDIDATES = List.of(Encoding.RAW, Encoding.AZ64, Encoding.DELTA,
            Encoding.DELTA32K, Encoding.RUNLENGTH, Encoding.BYTEDICT, Encoding.MOSTLY8, Encoding.MOSTLY16, Encoding.MOSTLY32);
    private static final List<Encoding> FLOAT_CANDIDATES = List.of(Encoding.RAW, Encoding.RUNLENGTH, Encoding.BYTEDICT,
            Encoding.LZ4);
    /** 128-bit decimals: only the byte-oriented codecs store them. */
    private static final List<Encoding> WIDE_CANDIDATES = List.of(Encoding.RAW, Encoding.LZ4);
    private static final List<Encoding> STRING_CANDIDATES = List.of(Encoding.RAW, Encoding.RUNLENGTH, Encoding.BYTEDICT,
            Encoding.TEXT255, Encoding.TEXT32K, Encoding.LZ4);

    private EncodingCodecs() {
    }

    /** The codec of a stored encoding; AUTO is never stored. */
    static EncodingCodec forEncoding(Encoding encoding) {
        return switch (encoding) {
            case RAW -> RawCodec.INSTANCE;
            case RUNLENGTH -> RunLengthCodec.INSTANCE;
            case DELTA -> DeltaCodec.ONE_BYTE;
            case DELTA32K -> DeltaCodec.TWO_BYTES;
            case MOSTLY8 -> MostlyCodec.MOSTLY8;
            case MOSTLY16 -> MostlyCodec.MOSTLY16;
            case MOSTLY32 -> MostlyCodec.MOSTLY32;
            case BYTEDICT -> ByteDictionaryCodec.INSTANCE;
            case AZ64 -> Az64Codec.INSTANCE;
            case LZ4 -> CompressedCodec.LZ4;
            case ZSTD -> CompressedCodec.ZSTD;
            case TEXT255 -> TextDictionaryCodec.TEXT255;
            case TEXT32K -> TextDictionaryCodec.TEXT32K;
            case AUTO -> throw new IllegalArgumentException("AUTO is chosen per block, not stored");
        };
    }

    /** What a block is stored as when {@code encoding}'s codec declines its values: LZ4 for AZ64 floats, else RAW. */
    static Encoding fallback(Encoding encoding, PhysicalType type) {
        boolean isFloat = type == PhysicalType.FLOAT32 || type == PhysicalType.FLOAT64;
        return encoding == Encoding.AZ64 && isFloat ? Encoding.LZ4 : Encoding.RAW;
    }

    static List<Encoding> autoCandidates(PhysicalType type) {
        return switch (type) {
            case INT16, INT32, INT64, BOOLEAN -> INTEGER_CANDIDATES;
            case FLOAT32, FLOAT64 -> FLOAT_CANDIDATES;
            case INT128 -> WIDE_CANDIDATES;
            case VARIABLE -> STRING_CANDIDATES;
        };
    }

    /**
     * Whether {@code ENCODE encoding} is accepted for a column of this physical type (Redshift's table,
     * with AZ64 also taking floats). Blocks whose values an accepted encoding cannot hold still fall back.
     */
    static boolean supports(Encoding encoding, PhysicalType type) {
        boolean integer = type == PhysicalType.INT16 || type == PhysicalType.INT32 || type == PhysicalType.INT64;
        boolean wide = type == PhysicalType.INT128;
        return switch (encoding) {
            case RAW, LZ4, ZSTD, AUTO -> true;
            case RUNLENGTH, BYTEDICT -> !wide;
            case DELTA, DELTA32K -> integer;
            case MOSTLY8 -> integer && type.byteWidth() > 1;
            case MOSTLY16 -> integer && type.byteWidth() > 2;
            case MOSTLY32 -> integer && type.byteWidth() > 4;
            case AZ64 -> type != PhysicalType.VARIABLE && !wide;
            case TEXT255, TEXT32K -> type == PhysicalType.VARIABLE;
        };
    }
}
