package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * TEXT255 and TEXT32K for strings: a per-block dictionary of whole values filled in arrival order, with
 * values that do not get an entry stored inline. TEXT255 keeps the first 245 distinct values of at most
 * 255 bytes each (as Redshift does) with 1-byte indexes; TEXT32K keeps distinct values while the
 * dictionary stays within 32 KiB, with 2-byte indexes. The all-ones index (255 / 65535) means "literal".
 * Payload: u16 entry count, entries (i32 length + bytes), {@code rows} indexes, then the literals in row
 * order (i32 length + bytes). Non-string types return null and are stored RAW.
 */
final class TextDictionaryCodec implements EncodingCodec {
    static final TextDictionaryCodec TEXT255 = new TextDictionaryCodec(1, 245, 255, Integer.MAX_VALUE);
    static final TextDictionaryCodec TEXT32K = new TextDictionaryCodec(2, 65534, 32768, 32768);

    private final int indexBytes;
    private final int maxEntries;
    private final int maxEntryBytes;
    private final long maxDictionaryBytes;
    private final int literal;

    private TextDictionaryCodec(int indexBytes, int maxEntries, int maxEntryBytes, long maxDictionaryBytes) {
        this.indexBytes = indexBytes;
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxDictionaryBytes = maxDictionaryBytes;
        this.literal = (1 << (8 * indexBytes)) - 1;
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (!values.isString()) {
            return null;
        }
        Map<ByteBuffer, Integer> dictionary = new HashMap<>();
        var entries = new PayloadWriter(256);
        var indexes = new PayloadWriter(values.count * indexBytes);
        var literals = new PayloadWriter(64);
        long dictionaryBytes = 0;
        for (int i = 0; i < values.count; i++) {
            int length = values.length(i);
            ByteBuffer key = ByteBuffer.wrap(values.bytes, values.offsets[i], length);
            Integer index = dictionary.get(key);
            if (index == null && dictionary.size() < maxEntries && length <= maxEntryBytes
                    && dictionaryBytes + length <= maxDictionaryBytes) {
                index = dictionary.size();
                dictionary.put(key, index);
                dictionaryBytes += length;
                values.writeString(entries, i);
            }
            if (index == null) {
                indexes.writeValue(literal, indexBytes);
                values.writeString(literals, i);
            } else {
                indexes.writeValue(index, indexBytes);
            }
        }
        var out = new PayloadWriter(2 + entries.size() + indexes.size() + literals.size());
        out.writeShort(dictionary.size());
        out.writeBytes(entries.toByteArray());
        out.writeBytes(indexes.toByteArray());
        out.writeBytes(literals.toByteArray());
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        if (type != PhysicalType.VARIABLE) {
            throw PayloadReader.corrupt("text dictionary block for a " + type + " column");
        }
        int entryCount = payload.readUnsignedShort();
        if (entryCount > maxEntries) {
            throw PayloadReader.corrupt("dictionary of " + entryCount + " entries");
        }
        long[] starts = new long[entryCount];
        int[] lengths = new int[entryCount];
        for (int e = 0; e < entryCount; e++) {
            lengths[e] = payload.readCount("dictionary entry length", payload.remaining());
            starts[e] = payload.skip(lengths[e]);
        }
        long indexes = payload.skip((long) rows * indexBytes);
        for (int i = 0; i < rows; i++) {
            int index = (int) FixedWidth.read(payload.segment(), indexes + (long) i * indexBytes, indexBytes) & literal;
            if (index == literal) {
                int length = payload.readCount("literal length", payload.remaining());
                out.setBytes(outOffset + i, payload.segment(), payload.skip(length), length);
            } else if (index < entryCount) {
                out.setBytes(outOffset + i, payload.segment(), starts[index], lengths[index]);
            } else {
                throw PayloadReader.corrupt("dictionary index " + index + " of " + entryCount + " entries");
            }
        }
    }
}
