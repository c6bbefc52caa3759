package io.cepheid.storage.encoding;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every encoding on every type and data shape: encode, decode, compare with the input; zone maps checked too. */
class BlockCodecRoundTripTest {
    private static final int[] SIZES = {0, 1, 7, 1001, 65536};

    static Stream<Arguments> typesAndEncodings() {
        return Arrays.stream(TestColumns.TYPES)
                .flatMap(type -> Arrays.stream(Encoding.values()).map(encoding -> Arguments.of(type, encoding)));
    }

    static Stream<SqlType> types() {
        return Arrays.stream(TestColumns.TYPES);
    }

    /** Each input column is built once and run through every encoding: generating 65,536 strings costs more than encoding them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void roundTripsEveryEncodingShapeAndSize(SqlType type) {
        try (var allocator = BufferAllocator.unlimited("round-trip")) {
            for (TestColumns.Shape shape : TestColumns.Shape.values()) {
                for (int size : SIZES) {
                    if (size == 65536 && Arrays.stream(Encoding.values()).noneMatch(e -> largeShape(e) == shape)) {
                        continue;
                    }
                    try (ColumnVector input = TestColumns.build(allocator, type, shape, size, type.hashCode() * 31L + size);
                         ColumnVector output = ColumnVector.allocate(allocator, type, Math.max(size, 1))) {
                        for (Encoding encoding : Encoding.values()) {
                            if (size == 65536 && shape != largeShape(encoding)) {
                                continue; // the large size runs the shape each encoding is made for; keeps the suite fast
                            }
                            String what = type + " " + encoding + " " + shape + " x" + size;
                            byte[] block = BlockCodec.encode(type, encoding, input, 0, size);
                            BlockHeader header = BlockCodec.header(MemorySegment.ofArray(block));
                            assertEquals(size, header.rowCount(), what);
                            assertStoredEncoding(encoding, type, header.encoding(), what);
                            if (encoding == Encoding.RAW) {
                                assertZoneMap(type, input, size, header, what);
                            }
                            output.reset();
                            BlockCodec.decode(type, MemorySegment.ofArray(block), output, 0);
                            assertSameRows(type, input, 0, output, 0, size, what);
                            assertEquals(header.nullCount(), countNulls(output, size), what);
                        }
                    }
                }
            }
        }
    }

    /** The shape an encoding actually keeps (not falling back to RAW) at 65,536 rows, crossing chunks and frames. */
    private static TestColumns.Shape largeShape(Encoding encoding) {
        return switch (encoding) {
            case BYTEDICT, TEXT255, TEXT32K -> TestColumns.Shape.LOW_CARDINALITY;
            case RAW, LZ4, ZSTD -> TestColumns.Shape.RANDOM;
            case RUNLENGTH, DELTA, DELTA32K, MOSTLY8, MOSTLY16, MOSTLY32, AZ64, AUTO -> TestColumns.Shape.SORTED_RUNS;
        };
    }

    private static void assertStoredEncoding(Encoding requested, SqlType type, Encoding stored, String what) {
        if (requested == Encoding.AUTO) {
            assertTrue(EncodingCodecs.autoCandidates(type.physicalType()).contains(stored), what + " stored " + stored);
        } else {
            assertTrue(stored == requested || stored == EncodingCodecs.fallback(requested, type.physicalType()),
                    what + " stored " + stored);
        }
    }

    /** Decoding at a row offset other than zero, after earlier rows, into a vector with stale nulls. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndEncodings")
    void decodesAtAnOffsetIntoAReusedVector(SqlType type, Encoding encoding) {
        try (var allocator = BufferAllocator.unlimited("offset");
             ColumnVector first = TestColumns.build(allocator, type, TestColumns.Shape.EXTREME, 13, 1);
             ColumnVector second = TestColumns.build(allocator, type, TestColumns.Shape.SORTED_RUNS, 1001, 2);
             ColumnVector output = ColumnVector.allocate(allocator, type, 2000)) {
            for (int i = 0; i < 2000; i++) {
                output.setNull(i);
            }
            output.reset();
            for (int i = 0; i < 2000; i++) {
                output.setNull(i); // stale nulls a reused vector may hold; decode must clear them for valid rows
            }
            BlockCodec.decode(type, MemorySegment.ofArray(BlockCodec.encode(type, encoding, first, 0, 13)), output, 0);
            BlockCodec.decode(type, MemorySegment.ofArray(BlockCodec.encode(type, encoding, second, 0, 1001)), output, 13);
            assertSameRows(type, first, 0, output, 0, 13, "first block");
            assertSameRows(type, second, 0, output, 13, 1001, "second block");
        }
    }

    @Test
    void encodesASliceOfAVector() {
        try (var allocator = BufferAllocator.unlimited("slice");
             ColumnVector input = TestColumns.build(allocator, SqlType.VARCHAR, TestColumns.Shape.RANDOM, 100, 3);
             ColumnVector output = ColumnVector.allocate(allocator, SqlType.VARCHAR, 40)) {
            BlockCodec.decode(SqlType.VARCHAR, MemorySegment.ofArray(BlockCodec.encode(SqlType.VARCHAR, Encoding.TEXT255, input, 37, 40)), output, 0);
            assertSameRows(SqlType.VARCHAR, input, 37, output, 0, 40, "slice");
        }
    }

    @Test
    void storesTheEncodingActuallyUsed() {
        try (var allocator = BufferAllocator.unlimited("stored");
             ColumnVector sequential = ColumnVector.allocate(allocator, SqlType.INTEGER, 1000);
             ColumnVector jumps = ColumnVector.allocate(allocator, SqlType.INTEGER, 1000);
             ColumnVector distinct = ColumnVector.allocate(allocator, SqlType.BIGINT, 1000);
             ColumnVector doubles = ColumnVector.allocate(allocator, SqlType.DOUBLE, 1000);
             ColumnVector constant = ColumnVector.allocate(allocator, SqlType.BIGINT, 1000)) {
            for (int i = 0; i < 1000; i++) {
                sequential.setInt(i, 5000 + i);
                jumps.setInt(i, i * 1000);
                distinct.setLong(i, i * 7919L);
                doubles.setDouble(i, i / 3.0);
                constant.setLong(i, 42);
            }
            assertEquals(Encoding.DELTA, stored(SqlType.INTEGER, Encoding.DELTA, sequential));
            assertEquals(Encoding.RAW, stored(SqlType.INTEGER, Encoding.DELTA, jumps));
            assertEquals(Encoding.DELTA32K, stored(SqlType.INTEGER, Encoding.DELTA32K, jumps));
            assertEquals(Encoding.RAW, stored(SqlType.BIGINT, Encoding.BYTEDICT, distinct));
            assertEquals(Encoding.LZ4, stored(SqlType.DOUBLE, Encoding.AZ64, doubles));
            assertEquals(Encoding.RAW, stored(SqlType.DOUBLE, Encoding.DELTA, doubles));
            assertEquals(Encoding.RAW, stored(SqlType.BIGINT, Encoding.TEXT255, distinct));
            assertEquals(Encoding.RUNLENGTH, stored(SqlType.BIGINT, Encoding.AUTO, constant));
            Encoding auto = stored(SqlType.INTEGER, Encoding.AUTO, sequential);
            assertTrue(auto == Encoding.DELTA || auto == Encoding.AZ64, "AUTO on sequential ints chose " + auto);
            // DELTA: 8-byte first value + 999 one-byte deltas, against RAW's 4,000 bytes
            assertTrue(BlockCodec.encode(SqlType.INTEGER, Encoding.AUTO, sequential, 0, 1000).length < 1100,
                    "AUTO should beat RAW by far");
            sequential.setNull(500); // a null inside a sequence must not push the block to RAW
            assertEquals(Encoding.DELTA, stored(SqlType.INTEGER, Encoding.DELTA, sequential));
        }
    }

    @Test
    void az64UsesTheNarrowestBitWidth() {
        try (var allocator = BufferAllocator.unlimited("az64");
             ColumnVector dates = ColumnVector.allocate(allocator, SqlType.DATE, 512)) {
            for (int i = 0; i < 512; i++) {
                dates.setInt(i, 19000 + (i * 7) % 365);
            }
            byte[] block = BlockCodec.encode(SqlType.DATE, Encoding.AZ64, dates, 0, 512);
            int header = BlockCodec.header(MemorySegment.ofArray(block)).headerBytes();
            // one frame: i64 min + u8 width + 8 lanes x 9 words (64 positions x 9 bits) x 8 bytes
            assertEquals(8 + 1 + 8 * 9 * 8, block.length - header);
        }
    }

    @Test
    void reportsWhichEncodingsATypeAccepts() {
        assertTrue(BlockCodec.supports(Encoding.DELTA, SqlType.BIGINT));
        assertTrue(!BlockCodec.supports(Encoding.DELTA, SqlType.VARCHAR));
        assertTrue(!BlockCodec.supports(Encoding.MOSTLY32, SqlType.INTEGER));
        assertTrue(BlockCodec.supports(Encoding.MOSTLY16, SqlType.INTEGER));
        assertTrue(BlockCodec.supports(Encoding.TEXT32K, new SqlType.CharType(10)));
        assertTrue(!BlockCodec.supports(Encoding.TEXT255, SqlType.DATE));
    }

    private static Encoding stored(SqlType type, Encoding encoding, ColumnVector vector) {
        return BlockCodec.header(MemorySegment.ofArray(BlockCodec.encode(type, encoding, vector, 0, 1000))).encoding();
    }

    static void assertSameRows(SqlType type, ColumnVector expected, int expectedOffset, ColumnVector actual,
                               int actualOffset, int rows, String what) {
        for (int i = 0; i < rows; i++) {
            // compare first, build the message only on a mismatch: 65,536 message strings per block are slow
            if (expected.isNull(expectedOffset + i) != actual.isNull(actualOffset + i)) {
                assertEquals(expected.isNull(expectedOffset + i), actual.isNull(actualOffset + i), what + " null at row " + i);
            }
            if (type.physicalType() == PhysicalType.VARIABLE
                    && !Arrays.equals(expected.getBytes(expectedOffset + i), actual.getBytes(actualOffset + i))) {
                assertArrayEquals(expected.getBytes(expectedOffset + i), actual.getBytes(actualOffset + i), what + " row " + i);
            }
        }
        if (type.physicalType() != PhysicalType.VARIABLE) {
            int width = type.physicalType().byteWidth();
            byte[] want = expected.values().asSlice((long) expectedOffset * width, (long) rows * width).toArray(ValueLayout.JAVA_BYTE);
            byte[] got = actual.values().asSlice((long) actualOffset * width, (long) rows * width).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(want, got, what + " values");
        }
    }

    private static int countNulls(ColumnVector vector, int rows) {
        int nulls = 0;
        for (int i = 0; i < rows; i++) {
            if (vector.isNull(i)) {
                nulls++;
            }
        }
        return nulls;
    }

    /** Checks the header's zone map against min/max computed here, independently of ZoneMapCodec. */
    private static void assertZoneMap(SqlType type, ColumnVector input, int rows, BlockHeader header, String what) {
        int nonNull = rows - countNulls(input, rows);
        assertEquals(rows - nonNull, header.nullCount(), what + " null count");
        if (nonNull == 0) {
            assertInstanceOf(ZoneMap.Empty.class, header.zoneMap(), what);
            return;
        }
        switch (type.physicalType()) {
            case INT16, INT32, INT64, BOOLEAN -> {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < rows; i++) {
                    if (!input.isNull(i)) {
                        min = Math.min(min, input.getLongValue(i));
                        max = Math.max(max, input.getLongValue(i));
                    }
                }
                assertEquals(new ZoneMap.LongRange(min, max), header.zoneMap(), what);
            }
            case INT128 -> {
                java.math.BigInteger min = null;
                java.math.BigInteger max = null;
                for (int i = 0; i < rows; i++) {
                    if (!input.isNull(i)) {
                        java.math.BigInteger v = input.getUnscaled(i);
                        min = min == null || v.compareTo(min) < 0 ? v : min;
                        max = max == null || v.compareTo(max) > 0 ? v : max;
                    }
                }
                assertEquals(new ZoneMap.DecimalRange(min, max), header.zoneMap(), what);
            }
            case FLOAT32, FLOAT64 -> {
                var range = assertInstanceOf(ZoneMap.DoubleRange.class, header.zoneMap(), what);
                for (int i = 0; i < rows; i++) {
                    if (!input.isNull(i)) {
                        double v = type.physicalType() == PhysicalType.FLOAT32 ? input.getFloat(i) : input.getDouble(i);
                        if (!Double.isNaN(range.max()) && !(v >= range.min() && v <= range.max())) {
                            throw new AssertionError(what + " value " + v + " outside " + range);
                        }
                    }
                }
            }
            case VARIABLE -> {
                var range = assertInstanceOf(ZoneMap.BytesRange.class, header.zoneMap(), what);
                for (int i = 0; i < rows; i++) {
                    if (!input.isNull(i)) {
                        byte[] v = input.getBytes(i);
                        if (Arrays.compareUnsigned(range.min(), v) > 0
                                || (range.max() != null && Arrays.compareUnsigned(range.max(), v) < 0)) {
                            throw new AssertionError(what + " string value outside the zone map bounds");
                        }
                    }
                }
            }
        }
    }
}
