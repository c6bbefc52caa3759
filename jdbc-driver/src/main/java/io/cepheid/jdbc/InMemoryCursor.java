package io.cepheid.jdbc;

import io.cepheid.server.ResultColumn;
import io.cepheid.server.ResultCursor;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A result cursor over rows built on the client (catalog answers of {@link CepheidDatabaseMetaData}): the rows
 * become one batch in the same vector layout the engine produces, so one ResultSet class serves both.
 */
public final class InMemoryCursor implements ResultCursor {
    private final BufferAllocator allocator = BufferAllocator.unlimited("jdbc-metadata");
    private Batch pending;

    /** Copies {@code rows} (one Object[] per row, values as {@link #write} accepts) into a batch. */
    public InMemoryCursor(List<ResultColumn> columns, List<Object[]> rows) {
        Objects.requireNonNull(columns, "columns is null");
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int column = 0; column < vectors.length; column++) {
            vectors[column] = ColumnVector.allocate(allocator, columns.get(column).type(), rows.size());
            for (int row = 0; row < rows.size(); row++) {
                write(vectors[column], row, rows.get(row)[column]);
            }
        }
        pending = new Batch(vectors, rows.size());
    }

    /** Writes a Java value (null, Number, Boolean, String, LocalDate, LocalDateTime) into {@code vector}. */
    static void write(ColumnVector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        switch (vector.type()) {
            case SqlType.SmallIntType t -> vector.setShort(row, ((Number) value).shortValue());
            case SqlType.IntegerType t -> vector.setInt(row, ((Number) value).intValue());
            case SqlType.BigIntType t -> vector.setLong(row, ((Number) value).longValue());
            case SqlType.DecimalType t -> {
                java.math.BigInteger unscaled = new BigDecimal(value.toString()).setScale(t.scale(), RoundingMode.HALF_UP).unscaledValue();
                if (t.isWide()) {
                    vector.setInt128(row, io.cepheid.storage.type.Int128.high(unscaled), io.cepheid.storage.type.Int128.low(unscaled));
                } else {
                    vector.setLong(row, unscaled.longValueExact());
                }
            }
            case SqlType.RealType t -> vector.setFloat(row, ((Number) value).floatValue());
            case SqlType.DoubleType t -> vector.setDouble(row, ((Number) value).doubleValue());
            case SqlType.BooleanType t -> vector.setBoolean(row, (Boolean) value);
            case SqlType.CharType t -> vector.setString(row, value.toString());
            case SqlType.VarcharType t -> vector.setString(row, value.toString());
            case SqlType.DateType t -> vector.setInt(row, (int) ((LocalDate) value).toEpochDay());
            case SqlType.TimestampType t -> vector.setLong(row, ColumnValues.epochMicros((LocalDateTime) value));
            case SqlType.TimestampTzType t -> vector.setLong(row, ColumnValues.epochMicros((LocalDateTime) value));
            case SqlType.TimeType t -> vector.setLong(row, ((java.time.LocalTime) value).toNanoOfDay() / 1000);
            case SqlType.IntervalType t -> vector.setLong(row, ((Number) value).longValue());
        }
    }

    @Override
    public Batch next() {
        Batch batch = pending;
        pending = null;
        return batch;
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }
}
