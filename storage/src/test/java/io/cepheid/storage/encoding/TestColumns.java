package io.cepheid.storage.encoding;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.util.Random;

/** Builds test columns of every type in the shapes encodings care about. */
final class TestColumns {
    /** The value distributions the round-trip test runs every encoding over. */
    enum Shape {
        RANDOM, SORTED_RUNS, LOW_CARDINALITY, HIGH_CARDINALITY, EXTREME, ALL_NULL
    }

    static final SqlType[] TYPES = {
            SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT, new SqlType.DecimalType(18, 4),
            new SqlType.DecimalType(38, 3), SqlType.REAL,
            SqlType.DOUBLE, SqlType.BOOLEAN, new SqlType.CharType(10), new SqlType.VarcharType(100), SqlType.DATE,
            SqlType.TIMESTAMP};

    private TestColumns() {
    }

    static ColumnVector build(BufferAllocator allocator, SqlType type, Shape shape, int rows, long seed) {
        var random = new Random(seed);
        var vector = ColumnVector.allocate(allocator, type, Math.max(rows, 1));
        double nullFraction = switch (shape) {
            case RANDOM, LOW_CARDINALITY -> 0.1;
            case SORTED_RUNS -> 0.05;
            case HIGH_CARDINALITY -> 0.0;
            case EXTREME -> 0.3;
            case ALL_NULL -> 1.0;
        };
        long[] palette = new long[10];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = randomLong(random, type);
        }
        long current = randomLong(random, type) / 4;
        int runLeft = 0;
        for (int row = 0; row < rows; row++) {
            if (random.nextDouble() < nullFraction) {
                vector.setNull(row);
                continue;
            }
            long bits = switch (shape) {
                case RANDOM, ALL_NULL -> randomLong(random, type);
                case LOW_CARDINALITY -> palette[random.nextInt(palette.length)];
                case HIGH_CARDINALITY -> row * 0x9E3779B97F4A7C15L + seed;
                case EXTREME -> extreme(random, type);
                case SORTED_RUNS -> {
                    if (runLeft == 0) {
                        current += random.nextInt(40);
                        runLeft = 1 + random.nextInt(20);
                    }
                    runLeft--;
                    yield current;
                }
            };
            set(vector, type, row, bits, random, shape);
        }
        return vector;
    }

    private static long randomLong(Random random, SqlType type) {
        return switch (type.physicalType()) {
            case INT16 -> (short) random.nextInt();
            case INT32 -> random.nextInt();
            case BOOLEAN -> random.nextInt(2);
            default -> random.nextLong();
        };
    }

    private static long extreme(Random random, SqlType type) {
        long[] integers = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, Short.MIN_VALUE,
                Short.MAX_VALUE, Byte.MIN_VALUE, Byte.MAX_VALUE};
        return switch (type.physicalType()) {
            case FLOAT32 -> Float.floatToRawIntBits(new float[]{Float.NaN, Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE}[random.nextInt(8)]);
            case FLOAT64 -> Double.doubleToRawLongBits(new double[]{Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE}[random.nextInt(8)]);
            case BOOLEAN -> random.nextInt(2);
            default -> integers[random.nextInt(integers.length)];
        };
    }

    /** Writes {@code bits} as the type's value: narrowed integers, float bits turned into a float, or a string. */
    private static void set(ColumnVector vector, SqlType type, int row, long bits, Random random, Shape shape) {
        switch (type.physicalType()) {
            case INT16 -> vector.setShort(row, (short) bits);
            case INT32 -> vector.setInt(row, (int) bits);
            case INT64 -> vector.setLong(row, bits);
            // A high half derived from the bits keeps equal values equal (runs, low cardinality) and stays below 10^38.
            case INT128 -> vector.setInt128(row, bits >> 20, bits);
            case BOOLEAN -> vector.setBoolean(row, (bits & 1) != 0);
            case FLOAT32 -> vector.setFloat(row, shape == Shape.EXTREME ? Float.intBitsToFloat((int) bits) : (float) (bits % 100000) / 7f);
            case FLOAT64 -> vector.setDouble(row, shape == Shape.EXTREME ? Double.longBitsToDouble(bits) : (double) bits / 3.0);
            case VARIABLE -> vector.setBytes(row, string(type, bits, random, shape));
        }
    }

    private static byte[] string(SqlType type, long bits, Random random, Shape shape) {
        int maxLength = type instanceof SqlType.CharType c ? c.length() : ((SqlType.VarcharType) type).maxBytes();
        if (shape == Shape.EXTREME) {
            int length = random.nextBoolean() ? 0 : maxLength;
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, random.nextBoolean() ? (byte) 0xFF : (byte) 0);
            return bytes;
        }
        // Derive the string from the value so equal values give equal strings (runs, low cardinality stay so).
        var derived = new Random(bits);
        int length = derived.nextInt(maxLength + 1);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (shape == Shape.RANDOM ? derived.nextInt(256) : 'a' + derived.nextInt(26));
        }
        return bytes;
    }

    static boolean isFloat(SqlType type) {
        return type.physicalType() == PhysicalType.FLOAT32 || type.physicalType() == PhysicalType.FLOAT64;
    }
}
