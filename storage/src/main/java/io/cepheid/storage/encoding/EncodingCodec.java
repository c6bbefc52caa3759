package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

/**
 * One encoding's payload format: how a block's values become bytes and back. {@link BlockCodec} owns the
 * header (rows, nulls, zone map, validity bitmap) and picks the codec by a switch over {@link Encoding}.
 * Decoders write straight into the vector's off-heap buffers and check every count and index against the
 * block, raising DATA_CORRUPTED on anything inconsistent.
 */
sealed interface EncodingCodec permits RawCodec, RunLengthCodec, DeltaCodec, MostlyCodec, ByteDictionaryCodec,
        TextDictionaryCodec, Az64Codec, CompressedCodec {

    /** The payload, or null when this encoding cannot store these values (the block then falls back). */
    byte[] encode(BlockValues values);

    /** Decodes {@code rows} values from {@code payload} into rows {@code [outOffset, outOffset + rows)} of {@code out}. */
    void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset);
}
