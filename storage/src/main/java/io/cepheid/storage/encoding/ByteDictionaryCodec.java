package io.cepheid.storage.encoding;

import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.ColumnVector;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * BYTEDICT: a dictionary of up to 256 distinct values and one index byte per row, any type. Payload:
 * u16 entry count, the entries (fixed width: {@code width} bytes each; strings: i32 length + bytes),
 * then {@code rows} index bytes. With a 257th distinct value {@link #encode} returns null and the block
 * is stored RAW.
 */
final class ByteDictionaryCodec implements EncodingCodec {
    static final ByteDictionaryCodec INSTANCE = new ByteDictionaryCodec();
    private static final int MAX_ENTRIES = 256;

    private ByteDictionaryCodec() {
    }

    @Override
    public byte[] encode(BlockValues values) {
        if (values.isWide()) {
            return null;
        }
        byte[] indexes = new byte[values.count];
        var entries = new PayloadWriter(256);
        int entryCount;
        if (values.isString()) {
            Map<ByteBuffer, Integer> dictionary = new HashMap<>();
            for (int i = 0; i < values.count; i++) {
                ByteBuffer key = ByteBuffer.wrap(values.bytes, values.offsets[i], values.length(i));
                Integer index = dictionary.get(key);
                if (index == null) {
                    if (dictionary.size() == MAX_ENTRIES) {
                        return null;
                    }
                    index = dictionary.size();
                    dictionary.put(key, index);
                    values.writeString(entries, i);
                }
                indexes[i] = (byte) (int) index;
            }
            entryCount = dictionary.size();
        } else {
            var dictionary = new LongIndexMap(MAX_ENTRIES);
            for (int i = 0; i < values.count; i++) {
                int before = dictionary.size();
                int index = dictionary.indexOf(values.fixed[i], MAX_ENTRIES);
                if (index < 0) {
                    return null;
                }
                if (dictionary.size() > before) {
                    entries.writeValue(values.fixed[i], values.width());
                }
                indexes[i] = (byte) index;
            }
            entryCount = dictionary.size();
        }
        var out = new PayloadWriter(2 + entries.size() + values.count);
        out.writeShort(entryCount);
        out.writeBytes(entries.toByteArray());
        out.writeBytes(indexes);
        return out.toByteArray();
    }

    @Override
    public void decode(PhysicalType type, PayloadReader payload, int rows, ColumnVector out, int outOffset) {
        int entryCount = payload.readUnsignedShort();
        if (entryCount > MAX_ENTRIES || (entryCount == 0 && rows > 0)) {
            throw PayloadReader.corrupt("dictionary of " + entryCount + " entries");
        }
        if (type == PhysicalType.VARIABLE) {
            long[] starts = new long[entryCount];
            int[] lengths = new int[entryCount];
            for (int e = 0; e < entryCount; e++) {
                lengths[e] = payload.readCount("dictionary entry length", payload.remaining());
                starts[e] = payload.skip(lengths[e]);
            }
            long indexes = payload.skip(rows);
            for (int i = 0; i < rows; i++) {
                int index = entryIndex(payload, indexes + i, entryCount);
                out.setBytes(outOffset + i, payload.segment(), starts[index], lengths[index]);
            }
            return;
        }
        int width = type.byteWidth();
        long[] dictionary = new long[entryCount];
        for (int e = 0; e < entryCount; e++) {
            dictionary[e] = payload.readValue(width);
        }
        long indexes = payload.skip(rows);
        long[] chunk = new long[Math.min(Math.max(rows, 1), FixedWidth.CHUNK)];
        for (int done = 0; done < rows; done += chunk.length) {
            int n = Math.min(chunk.length, rows - done);
            for (int i = 0; i < n; i++) {
                chunk[i] = dictionary[entryIndex(payload, indexes + done + i, entryCount)];
            }
            FixedWidth.storeAll(chunk, n, out.values(), outOffset + done, width);
        }
    }

    private static int entryIndex(PayloadReader payload, long at, int entryCount) {
        int index = payload.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, at) & 0xFF;
        if (index >= entryCount) {
            throw PayloadReader.corrupt("dictionary index " + index + " of " + entryCount + " entries");
        }
        return index;
    }
}
