package io.cepheid.storage.encoding;

import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.Map;

/**
 * What ANALYZE COMPRESSION measures: the bytes a sample of a column's values takes under every encoding that
 * can store its type, summed over the pieces of the sample (a piece is encoded as one block, as a row group
 * would store it). An encoding that cannot hold some piece (DELTA whose differences overflow, BYTEDICT with
 * more than 256 distinct values, ...) is dropped: storing with it would fall back to RAW.
 */
public final class CompressionAnalysis {
    private final SqlType type;
    private final Map<Encoding, Long> bytes = new EnumMap<>(Encoding.class);
    private long rows;

    public CompressionAnalysis(SqlType type) {
        this.type = type;
        for (Encoding encoding : Encoding.values()) {
            if (encoding != Encoding.AUTO && BlockCodec.supports(encoding, type)) {
                bytes.put(encoding, 0L);
            }
        }
    }

    /** Adds rows {@code [0, count)} of {@code values} to the sample. */
    public void add(ColumnVector values, int count) {
        if (count == 0) {
            return;
        }
        rows += count;
        var candidates = bytes.entrySet().iterator();
        while (candidates.hasNext()) {
            var candidate = candidates.next();
            byte[] block = BlockCodec.encode(type, candidate.getKey(), values, 0, count);
            if (BlockCodec.header(MemorySegment.ofArray(block)).encoding() != candidate.getKey()) {
                candidates.remove();
            } else {
                candidate.setValue(candidate.getValue() + block.length);
            }
        }
    }

    /** Rows sampled so far. */
    public long rows() {
        return rows;
    }

    /** The encoding with the fewest bytes; on a tie the one declared first in {@link Encoding} (RAW first). */
    public Encoding best() {
        Encoding best = Encoding.RAW;
        for (Map.Entry<Encoding, Long> candidate : bytes.entrySet()) {
            if (candidate.getValue() < bytes.get(best)) {
                best = candidate.getKey();
            }
        }
        return best;
    }

    /** Bytes of the sample under {@code encoding}, or -1 when it cannot store the sample. */
    public long bytes(Encoding encoding) {
        return bytes.getOrDefault(encoding, -1L);
    }

    /** How much smaller than RAW the best encoding is, in percent (0 for an empty sample). */
    public double reductionPercent() {
        long raw = bytes.get(Encoding.RAW);
        return raw == 0 ? 0 : 100.0 * (raw - bytes.get(best())) / raw;
    }
}
