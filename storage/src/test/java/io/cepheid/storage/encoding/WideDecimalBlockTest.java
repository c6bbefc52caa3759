package io.cepheid.storage.encoding;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DECIMAL(38,s) blocks: every encoding that stores 128-bit values round-trips them, nulls and zone maps included. */
class WideDecimalBlockTest {
    private static final SqlType TYPE = new SqlType.DecimalType(38, 2);

    @Test
    void rawLz4ZstdAndAutoRoundTrip() {
        Random random = new Random(3);
        int[] sizes = {1, 7, 1025, 4098};
        for (int size : sizes) {
            try (var allocator = BufferAllocator.unlimited("wide");
                 ColumnVector vector = ColumnVector.allocate(allocator, TYPE, size)) {
                BigInteger[] expected = new BigInteger[size];
                for (int i = 0; i < size; i++) {
                    if (i % 5 == 3) {
                        vector.setNull(i);
                        continue;
                    }
                    BigInteger value = switch (i % 4) {
                        case 0 -> BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
                        case 1 -> BigInteger.TEN.pow(38).subtract(BigInteger.ONE).negate();
                        default -> new BigInteger(100, random).subtract(BigInteger.ONE.shiftLeft(99));
                    };
                    expected[i] = value;
                    vector.setInt128(i, Int128.high(value), Int128.low(value));
                }
                for (Encoding encoding : new Encoding[] {Encoding.RAW, Encoding.LZ4, Encoding.ZSTD, Encoding.AUTO}) {
                    byte[] block = BlockCodec.encode(TYPE, encoding, vector, 0, size);
                    BlockHeader header = BlockCodec.header(MemorySegment.ofArray(block));
                    assertTrue(header.encoding() == Encoding.RAW || header.encoding() == Encoding.LZ4
                            || header.encoding() == Encoding.ZSTD, header.encoding().toString());
                    try (ColumnVector decoded = ColumnVector.allocate(allocator, TYPE, size)) {
                        BlockCodec.decode(TYPE, MemorySegment.ofArray(block), decoded, 0);
                        for (int i = 0; i < size; i++) {
                            if (expected[i] == null) {
                                assertTrue(decoded.isNull(i));
                            } else {
                                assertFalse(decoded.isNull(i));
                                assertEquals(expected[i], decoded.getUnscaled(i), encoding + " row " + i);
                            }
                        }
                    }
                    if (header.zoneMap() instanceof ZoneMap.DecimalRange range) {
                        BigInteger min = null;
                        BigInteger max = null;
                        for (BigInteger value : expected) {
                            if (value != null) {
                                min = min == null || value.compareTo(min) < 0 ? value : min;
                                max = max == null || value.compareTo(max) > 0 ? value : max;
                            }
                        }
                        assertEquals(min, range.min());
                        assertEquals(max, range.max());
                    } else {
                        assertEquals(ZoneMap.EMPTY, header.zoneMap(), "only an all-null block has no range");
                    }
                }
            }
        }
    }

    @Test
    void integerEncodingsAreNotOfferedForWideDecimals() {
        assertFalse(BlockCodec.supports(Encoding.AZ64, TYPE));
        assertFalse(BlockCodec.supports(Encoding.DELTA, TYPE));
        assertFalse(BlockCodec.supports(Encoding.RUNLENGTH, TYPE));
        assertTrue(BlockCodec.supports(Encoding.ZSTD, TYPE));
        assertTrue(BlockCodec.supports(Encoding.AZ64, new SqlType.DecimalType(18, 2)));
    }
}
