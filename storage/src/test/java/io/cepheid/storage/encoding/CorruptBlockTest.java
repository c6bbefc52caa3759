package io.cepheid.storage.encoding;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Truncated and bit-flipped blocks fail with DATA_CORRUPTED, never an IndexOutOfBounds or a crash. */
class CorruptBlockTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> typesAndEncodings() {
        return BlockCodecRoundTripTest.typesAndEncodings();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndEncodings")
    void everyTruncationIsDataCorrupted(SqlType type, Encoding encoding) {
        try (var allocator = BufferAllocator.unlimited("truncated");
             ColumnVector input = TestColumns.build(allocator, type, TestColumns.Shape.LOW_CARDINALITY, 37, 5);
             ColumnVector output = ColumnVector.allocate(allocator, type, 37)) {
            byte[] block = BlockCodec.encode(type, encoding, input, 0, 37);
            for (int length = 0; length < block.length; length++) {
                MemorySegment truncated = MemorySegment.ofArray(Arrays.copyOf(block, length));
                output.reset();
                var error = assertThrows(CepheidException.class, () -> BlockCodec.decode(type, truncated, output, 0),
                        "truncated to " + length + " of " + block.length);
                assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
                assertEquals("XX001", error.sqlState());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndEncodings")
    void flippedBytesDecodeOrFailAsDataCorrupted(SqlType type, Encoding encoding) {
        var random = new Random(type.hashCode() + encoding.ordinal());
        try (var allocator = BufferAllocator.unlimited("flipped");
             ColumnVector input = TestColumns.build(allocator, type, TestColumns.Shape.RANDOM, 300, 6)) {
            byte[] block = BlockCodec.encode(type, encoding, input, 0, 300);
            for (int trial = 0; trial < 60; trial++) {
                byte[] damaged = block.clone();
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                MemorySegment segment = MemorySegment.ofArray(damaged);
                try {
                    BlockHeader header = BlockCodec.header(segment);
                    if (header.rowCount() > 100_000) {
                        continue; // a flipped row count; real readers check it against the table's metadata
                    }
                    try (ColumnVector output = ColumnVector.allocate(allocator, type, Math.max(1, header.rowCount()))) {
                        BlockCodec.decode(type, segment, output, 0);
                    }
                } catch (CepheidException e) {
                    assertEquals(ErrorCode.DATA_CORRUPTED, e.code(), e.getMessage());
                }
            }
        }
    }
}
