package io.cepheid.loader.format;

import io.cepheid.executor.expression.ValueParser;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Converts one text field into one row of a column vector, applying Redshift's data conversion rules:
 * NULL AS, EMPTYASNULL, BLANKSASNULL, TRIMBLANKS, TRUNCATECOLUMNS and ACCEPTINVCHARS for strings, an
 * empty field as NULL for every other type, CHAR values stored without trailing blanks, and NOT NULL.
 *
 * <p>One converter per column per worker (it owns a {@link DateTimeFormat} and a scratch array). The type
 * is resolved to a {@link Kind} once, so the per-value work is one switch on an enum, no virtual call.
 */
public final class FieldConverter {
    private enum Kind { SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, TIMESTAMPTZ, TIME }

    private final SqlType type;
    private final Kind kind;
    private final boolean nullable;
    private final ConversionOptions options;
    private final DateTimeFormat dateTimeFormat;
    private final int precision;
    private final int scale;
    /** Byte limit of a CHAR/VARCHAR column. */
    private final int maxBytes;
    private final boolean trimTrailingBlanks;
    private byte[] repaired = new byte[256];

    public FieldConverter(SqlType type, boolean nullable, ConversionOptions options) {
        this.type = type;
        this.nullable = nullable;
        this.options = options;
        int decimalPrecision = 0;
        int decimalScale = 0;
        int stringBytes = 0;
        DateTimeFormat format = null;
        this.kind = switch (type) {
            case SqlType.SmallIntType t -> Kind.SMALLINT;
            case SqlType.IntegerType t -> Kind.INTEGER;
            case SqlType.BigIntType t -> Kind.BIGINT;
            case SqlType.DecimalType t -> {
                decimalPrecision = t.precision();
                decimalScale = t.scale();
                yield Kind.DECIMAL;
            }
            case SqlType.RealType t -> Kind.REAL;
            case SqlType.DoubleType t -> Kind.DOUBLE;
            case SqlType.BooleanType t -> Kind.BOOLEAN;
            case SqlType.CharType t -> {
                stringBytes = t.length();
                yield Kind.STRING;
            }
            case SqlType.VarcharType t -> {
                stringBytes = t.maxBytes();
                yield Kind.STRING;
            }
            case SqlType.DateType t -> {
                format = DateTimeFormat.forDates(options.dateFormat());
                yield Kind.DATE;
            }
            case SqlType.TimestampType t -> {
                format = DateTimeFormat.forTimestamps(options.timeFormat());
                yield Kind.TIMESTAMP;
            }
            // Read as a cast reads them (offsets such as +05:30 honoured); TIMEFORMAT does not apply yet.
            case SqlType.TimestampTzType t -> Kind.TIMESTAMPTZ;
            case SqlType.TimeType t -> Kind.TIME;
            // Tables have no interval columns: an interval is only ever computed.
            case SqlType.IntervalType t -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "COPY into a column of type interval is not supported");
        };
        this.precision = decimalPrecision;
        this.scale = decimalScale;
        this.maxBytes = stringBytes;
        this.dateTimeFormat = format;
        this.trimTrailingBlanks = type instanceof SqlType.CharType;
    }

    /** Converts field {@code field} of the reader's current record into {@code row} of {@code vector}. */
    public void convert(RecordReader reader, int field, ColumnVector vector, int row) throws FieldParseException {
        if (reader.isNullMarker(field)) {
            setNull(vector, row);
            return;
        }
        byte[] bytes = reader.bytes();
        int start = reader.fieldStart(field);
        int end = reader.fieldEnd(field);
        if (kind == Kind.STRING) {
            convertString(bytes, start, end, reader.isQuoted(field), vector, row);
            return;
        }
        // Numbers, dates and booleans ignore surrounding blanks; an empty or blank field is NULL.
        while (start < end && isBlank(bytes[start])) {
            start++;
        }
        while (end > start && isBlank(bytes[end - 1])) {
            end--;
        }
        if (start == end) {
            setNull(vector, row);
            return;
        }
        switch (kind) {
            case SMALLINT -> vector.setShort(row, (short) NumberParser.parseLong(bytes, start, end, Short.MIN_VALUE, Short.MAX_VALUE, type));
            case INTEGER -> vector.setInt(row, (int) NumberParser.parseLong(bytes, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
            case BIGINT -> vector.setLong(row, NumberParser.parseLong(bytes, start, end, Long.MIN_VALUE, Long.MAX_VALUE, type));
            case DECIMAL -> {
                if (precision > SqlType.DecimalType.MAX_LONG_PRECISION) {
                    BigInteger unscaled = NumberParser.parseWideDecimal(bytes, start, end, precision, scale,
                            options.roundDecimals(), type);
                    vector.setInt128(row, Int128.high(unscaled), Int128.low(unscaled));
                } else {
                    vector.setLong(row, NumberParser.parseDecimal(bytes, start, end, precision, scale,
                            options.roundDecimals(), type));
                }
            }
            case REAL -> {
                double value = NumberParser.parseDouble(bytes, start, end, type);
                float narrowed = (float) value;
                if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
                    throw NumberParser.invalid("value out of range", bytes, start, end, type);
                }
                vector.setFloat(row, narrowed);
            }
            case DOUBLE -> vector.setDouble(row, NumberParser.parseDouble(bytes, start, end, type));
            case BOOLEAN -> vector.setBoolean(row, NumberParser.parseBoolean(bytes, start, end, type));
            case DATE -> vector.setInt(row, dateTimeFormat.parseDate(bytes, start, end, type));
            case TIMESTAMP -> vector.setLong(row, dateTimeFormat.parseTimestamp(bytes, start, end, type));
            case TIMESTAMPTZ, TIME -> vector.setLong(row, parseAsCast(bytes, start, end));
            case STRING -> throw new IllegalStateException("strings are converted above");
        }
    }

    private long parseAsCast(byte[] bytes, int start, int end) throws FieldParseException {
        try {
            return ValueParser.parseLong(new String(bytes, start, end - start, StandardCharsets.UTF_8), type);
        } catch (CepheidException e) {
            throw NumberParser.invalid("invalid " + (kind == Kind.TIME ? "time" : "timestamp"), bytes, start, end, type);
        }
    }

    /** Loads NULL for a field missing from a short record (FILLRECORD). */
    public void convertMissing(ColumnVector vector, int row) throws FieldParseException {
        setNull(vector, row);
    }

    private void convertString(byte[] bytes, int start, int end, boolean quoted, ColumnVector vector, int row)
            throws FieldParseException {
        if (options.trimBlanks()) {
            while (start < end && bytes[start] == ' ') {
                start++;
            }
            while (end > start && bytes[end - 1] == ' ') {
                end--;
            }
        }
        if (start == end && options.emptyAsNull()) {
            setNull(vector, row);
            return;
        }
        if (options.blanksAsNull() && end > start && isAllBlank(bytes, start, end)) {
            setNull(vector, row);
            return;
        }
        if (!Utf8.isValid(bytes, start, end)) {
            if (options.invalidCharReplacement() == 0) {
                throw new FieldParseException("invalid UTF-8 byte sequence in \"" + Utf8Display.of(bytes, start, end)
                        + "\" for type " + type.displayName() + " (use ACCEPTINVCHARS to replace it)");
            }
            if (repaired.length < end - start) {
                repaired = new byte[Math.max(end - start, repaired.length * 2)];
            }
            end = Utf8.replaceInvalid(bytes, start, end, options.invalidCharReplacement(), repaired);
            bytes = repaired;
            start = 0;
        }
        if (trimTrailingBlanks) {
            while (end > start && bytes[end - 1] == ' ') {
                end--;
            }
        }
        int length = end - start;
        if (length > maxBytes) {
            if (!options.truncateColumns()) {
                throw new FieldParseException("value too long (" + length + " bytes) in \""
                        + Utf8Display.of(bytes, start, end) + "\" for type " + type.displayName());
            }
            length = Utf8.truncatedLength(bytes, start, maxBytes);
        }
        vector.setBytes(row, bytes, start, length);
    }

    private void setNull(ColumnVector vector, int row) throws FieldParseException {
        if (!nullable) {
            throw new FieldParseException("NULL value for NOT NULL column of type " + type.displayName());
        }
        vector.setNull(row);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isAllBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isBlank(bytes[i])) {
                return false;
            }
        }
        return true;
    }
}
