package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * CAST between any two supported types: numeric conversions with rounding half away from zero into DECIMAL
 * and overflow as 22003, text parsed (22P02 on bad text) or formatted as PostgreSQL prints values, and
 * strings truncated to a VARCHAR(n)/CHAR(n) target's byte length on a character boundary. Casts from or to a
 * 128-bit DECIMAL go value by value through BigDecimal: they are rare next to arithmetic on the columns.
 */
final class CastEvaluator implements Evaluator {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private enum Kind { INTEGER, DECIMAL, FLOAT, BOOLEAN, STRING, DATE, TIMESTAMP, TIME, INTERVAL }

    private final Evaluator argument;
    private final SqlType source;
    private final SqlType target;
    private final Kind from;
    private final Kind to;
    private final BufferAllocator allocator;
    private final boolean wide;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];

    CastEvaluator(Evaluator argument, SqlType target, BufferAllocator allocator) {
        this.argument = argument;
        this.source = argument.type();
        this.target = target;
        this.from = kind(source);
        this.to = kind(target);
        this.allocator = allocator;
        this.wide = source.physicalType() == PhysicalType.INT128 || target.physicalType() == PhysicalType.INT128;
        if (!allowed(from, to)) {
            throw new CepheidException(ErrorCode.DATATYPE_MISMATCH,
                    "cannot cast type " + source.displayName() + " to " + target.displayName());
        }
    }

    private static Kind kind(SqlType type) {
        return switch (type) {
            case SqlType.SmallIntType t -> Kind.INTEGER;
            case SqlType.IntegerType t -> Kind.INTEGER;
            case SqlType.BigIntType t -> Kind.INTEGER;
            case SqlType.DecimalType t -> Kind.DECIMAL;
            case SqlType.RealType t -> Kind.FLOAT;
            case SqlType.DoubleType t -> Kind.FLOAT;
            case SqlType.BooleanType t -> Kind.BOOLEAN;
            case SqlType.CharType t -> Kind.STRING;
            case SqlType.VarcharType t -> Kind.STRING;
            case SqlType.DateType t -> Kind.DATE;
            case SqlType.TimestampType t -> Kind.TIMESTAMP;
            // The session time zone is UTC: a TIMESTAMPTZ holds the same microseconds as the TIMESTAMP it shows.
            case SqlType.TimestampTzType t -> Kind.TIMESTAMP;
            case SqlType.TimeType t -> Kind.TIME;
            case SqlType.IntervalType t -> Kind.INTERVAL;
        };
    }

    private static boolean allowed(Kind from, Kind to) {
        // An interval prints as text; text becomes an interval only as a constant, which the planner reads.
        if (to == Kind.INTERVAL) {
            return from == Kind.INTERVAL;
        }
        if (from == to || from == Kind.STRING || to == Kind.STRING) {
            return true;
        }
        boolean fromNumber = from == Kind.INTEGER || from == Kind.DECIMAL || from == Kind.FLOAT;
        boolean toNumber = to == Kind.INTEGER || to == Kind.DECIMAL || to == Kind.FLOAT;
        return fromNumber && toNumber
                || from == Kind.BOOLEAN && to == Kind.INTEGER || from == Kind.INTEGER && to == Kind.BOOLEAN
                || from == Kind.DATE && to == Kind.TIMESTAMP || from == Kind.TIMESTAMP && to == Kind.DATE
                || from == Kind.TIMESTAMP && to == Kind.TIME;
    }

    @Override
    public SqlType type() {
        return target;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        try (ColumnVector value = argument.evaluate(input)) {
            ColumnVector out = ColumnVector.allocate(allocator, target, n);
            try {
                if (wide) {
                    castWide(value, out, n);
                } else if (to == Kind.STRING) {
                    toText(value, out, n);
                } else {
                    Vectors.intersectValidity(out, n, value);
                    if (from == Kind.STRING) {
                        fromText(value, out, n);
                    } else if (to == Kind.FLOAT) {
                        toFloat(value, out, n);
                    } else {
                        toLong(value, out, n);
                    }
                }
                return out;
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }
    }

    private void castWide(ColumnVector value, ColumnVector out, int n) {
        for (int i = 0; i < n; i++) {
            if (value.isNull(i)) {
                out.setNull(i);
                continue;
            }
            BigDecimal number = switch (from) {
                case DECIMAL -> new BigDecimal(value.getUnscaled(i), ArithmeticEvaluator.scale(source));
                case INTEGER -> BigDecimal.valueOf(value.getLongValue(i));
                case FLOAT -> {
                    double d = value.physicalType() == PhysicalType.FLOAT32 ? value.getFloat(i) : value.getDouble(i);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                                "cannot convert " + d + " to " + target.displayName());
                    }
                    yield BigDecimal.valueOf(d);
                }
                case STRING -> ValueParser.parseNumber(value.getString(i), target);
                case BOOLEAN, DATE, TIMESTAMP, TIME, INTERVAL -> throw new AssertionError(from + " is never cast to or from a wide DECIMAL");
            };
            switch (to) {
                case DECIMAL -> {
                    SqlType.DecimalType decimal = (SqlType.DecimalType) target;
                    BigInteger unscaled = ValueParser.unscaled(number, decimal);
                    if (decimal.isWide()) {
                        out.setInt128(i, Int128.high(unscaled), Int128.low(unscaled));
                    } else {
                        out.setLongValue(i, unscaled.longValueExact());
                    }
                }
                case INTEGER -> {
                    BigInteger integral = number.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
                    if (integral.bitLength() > 63) {
                        throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, target.displayName() + " out of range");
                    }
                    checkTargetRange(integral.longValue());
                    out.setLongValue(i, integral.longValue());
                }
                case FLOAT -> {
                    double d = number.doubleValue();
                    if (out.physicalType() == PhysicalType.FLOAT32) {
                        out.setFloat(i, (float) d);
                    } else {
                        out.setDouble(i, d);
                    }
                }
                case STRING -> {
                    byte[] bytes = number.toPlainString().getBytes(StandardCharsets.UTF_8);
                    int maxBytes = target instanceof SqlType.VarcharType v ? v.maxBytes()
                            : target instanceof SqlType.CharType c ? c.length() : Integer.MAX_VALUE;
                    out.setBytes(i, bytes, 0, Math.min(bytes.length, maxBytes));
                }
                case BOOLEAN, DATE, TIMESTAMP, TIME, INTERVAL -> throw new AssertionError(to + " is never cast to or from a wide DECIMAL");
            }
        }
    }

    private void ensureScratch(int n) {
        if (longs.length < n) {
            longs = new long[n];
            doubles = new double[n];
        }
    }

    private void toFloat(ColumnVector value, ColumnVector out, int n) {
        ensureScratch(n);
        Vectors.readDoubles(value, n, doubles);
        if (from == Kind.DECIMAL) {
            double divisor = DecimalMath.powerOfTen(ArithmeticEvaluator.scale(source));
            for (int i = 0; i < n; i++) {
                doubles[i] /= divisor;
            }
        }
        if (target instanceof SqlType.RealType) {
            for (int i = 0; i < n; i++) {
                if (!value.isNull(i) && Float.isInfinite((float) doubles[i]) && !Double.isInfinite(doubles[i])) {
                    throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
            }
        }
        Vectors.writeDoubles(out, n, doubles);
    }

    private void toLong(ColumnVector value, ColumnVector out, int n) {
        ensureScratch(n);
        int targetScale = ArithmeticEvaluator.scale(target);
        if (from == Kind.FLOAT) {
            Vectors.readDoubles(value, n, doubles);
            for (int i = 0; i < n; i++) {
                longs[i] = value.isNull(i) ? 0 : fromDouble(doubles[i], targetScale);
            }
        } else {
            Vectors.readLongs(value, n, longs);
            int sourceScale = ArithmeticEvaluator.scale(source);
            for (int i = 0; i < n; i++) {
                if (value.isNull(i)) {
                    longs[i] = 0;
                } else if (from == Kind.DATE && to == Kind.TIMESTAMP) {
                    longs[i] = longs[i] * MICROS_PER_DAY;
                } else if (from == Kind.TIMESTAMP && to == Kind.DATE) {
                    longs[i] = Math.floorDiv(longs[i], MICROS_PER_DAY);
                } else if (from == Kind.TIMESTAMP && to == Kind.TIME) {
                    longs[i] = Math.floorMod(longs[i], MICROS_PER_DAY);
                } else if (to == Kind.BOOLEAN) {
                    longs[i] = longs[i] != 0 ? 1 : 0;
                } else {
                    longs[i] = DecimalMath.rescale(longs[i], sourceScale, targetScale);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            checkTargetRange(longs[i]);
        }
        Vectors.writeLongs(out, n, longs);
    }

    private long fromDouble(double value, int targetScale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "cannot convert " + value + " to " + target.displayName());
        }
        if (to == Kind.DECIMAL) {
            return DecimalMath.toLong(BigDecimal.valueOf(value).setScale(targetScale, RoundingMode.HALF_UP));
        }
        double rounded = Math.rint(value);
        if (rounded < -0x1p63 || rounded >= 0x1p63) {
            throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, target.displayName() + " out of range");
        }
        return (long) rounded;
    }

    private void checkTargetRange(long value) {
        switch (target) {
            case SqlType.SmallIntType t -> {
                if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                    throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
                }
            }
            case SqlType.IntegerType t -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new CepheidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
                }
            }
            case SqlType.DateType t -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new CepheidException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range");
                }
            }
            case SqlType.DecimalType d -> DecimalMath.checkPrecision(value, d.precision(), d.scale());
            default -> {
            }
        }
    }

    private void fromText(ColumnVector value, ColumnVector out, int n) {
        for (int i = 0; i < n; i++) {
            if (value.isNull(i)) {
                continue;
            }
            String text = value.getString(i);
            if (to == Kind.FLOAT) {
                double parsed = ValueParser.parseDouble(text, target);
                if (out.physicalType() == PhysicalType.FLOAT32) {
                    out.setFloat(i, (float) parsed);
                } else {
                    out.setDouble(i, parsed);
                }
            } else {
                long parsed = ValueParser.parseLong(text, target);
                checkTargetRange(parsed);
                out.setLongValue(i, parsed);
            }
        }
    }

    private void toText(ColumnVector value, ColumnVector out, int n) {
        int maxBytes = switch (target) {
            case SqlType.VarcharType v -> v.maxBytes();
            case SqlType.CharType c -> c.length();
            default -> Integer.MAX_VALUE;
        };
        for (int i = 0; i < n; i++) {
            if (value.isNull(i)) {
                out.setNull(i);
                continue;
            }
            if (from == Kind.STRING) {
                MemorySegment data = value.data();
                int start = value.getOffset(i);
                int length = value.getByteLength(i);
                if (source instanceof SqlType.CharType) {
                    // CHAR's trailing blanks are padding, not data (PostgreSQL drops them when casting to text).
                    length = Utf8.lengthWithoutTrailingBlanks(data, start, length);
                }
                out.setBytes(i, data, start, truncatedLength(data, start, length, maxBytes));
                continue;
            }
            String text = switch (from) {
                case FLOAT -> ValueFormatter.formatDouble(value.physicalType() == PhysicalType.FLOAT32
                        ? value.getFloat(i) : value.getDouble(i), value.physicalType() == PhysicalType.FLOAT32);
                case INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TIME, INTERVAL -> ValueFormatter.formatLong(source, value.getLongValue(i));
                case STRING -> throw new AssertionError();
            };
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            MemorySegment segment = MemorySegment.ofArray(bytes);
            out.setBytes(i, bytes, 0, truncatedLength(segment, 0, bytes.length, maxBytes));
        }
    }

    /** The longest prefix of at most {@code maxBytes} bytes that ends on a character boundary. */
    static int truncatedLength(MemorySegment data, long start, int length, int maxBytes) {
        if (length <= maxBytes) {
            return length;
        }
        int end = maxBytes;
        while (end > 0 && (data.get(ValueLayout.JAVA_BYTE, start + end) & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }
}
