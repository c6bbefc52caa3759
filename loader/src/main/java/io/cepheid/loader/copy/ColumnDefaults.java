package io.cepheid.loader.copy;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.Int128;
import io.cepheid.storage.type.PhysicalType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the table columns that are not in the COPY column list with their DEFAULT value (or NULL), a batch
 * at a time. A NOT NULL column without a default that is missing from the list fails before any file is read.
 */
final class ColumnDefaults {
    private final int[] columns;
    private final Object[] values;

    ColumnDefaults(TableDefinition table, int[] targetColumns, List<Object> defaultValues) {
        boolean[] listed = new boolean[table.columns().size()];
        for (int column : targetColumns) {
            listed[column] = true;
        }
        List<Integer> missing = new ArrayList<>();
        List<Object> encoded = new ArrayList<>();
        for (int i = 0; i < listed.length; i++) {
            if (listed[i]) {
                continue;
            }
            ColumnDefinition definition = table.columns().get(i);
            Object value = defaultValues.get(i);
            if (value == null && !definition.nullable()) {
                throw new CepheidException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + definition.name()
                        + "\" is NOT NULL, has no default and is missing from the COPY column list");
            }
            missing.add(i);
            encoded.add(encode(definition, value));
        }
        this.columns = missing.stream().mapToInt(Integer::intValue).toArray();
        this.values = encoded.toArray();
    }

    private static Object encode(ColumnDefinition column, Object value) {
        if (value == null) {
            return null;
        }
        PhysicalType physical = column.type().physicalType();
        boolean fits = switch (physical) {
            case INT16, INT32, INT64 -> value instanceof Long;
            case INT128 -> value instanceof java.math.BigInteger;
            case FLOAT32, FLOAT64 -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case VARIABLE -> value instanceof String;
        };
        if (!fits) {
            throw new IllegalArgumentException("default " + value + " of column " + column.name()
                    + " does not match its type " + column.type().displayName());
        }
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value;
    }

    /** Writes the defaults into rows [0, rowCount) of every unlisted column; the type test is made once per column. */
    void fill(Batch batch, int rowCount) {
        for (int i = 0; i < columns.length; i++) {
            ColumnVector vector = batch.column(columns[i]);
            switch (values[i]) {
                case null -> {
                    for (int row = 0; row < rowCount; row++) {
                        vector.setNull(row);
                    }
                }
                case Long number -> {
                    long value = number;
                    for (int row = 0; row < rowCount; row++) {
                        vector.setLongValue(row, value);
                    }
                }
                case java.math.BigInteger unscaled -> {
                    long high = Int128.high(unscaled);
                    long low = Int128.low(unscaled);
                    for (int row = 0; row < rowCount; row++) {
                        vector.setInt128(row, high, low);
                    }
                }
                case Double number when vector.physicalType() == PhysicalType.FLOAT32 -> {
                    float value = number.floatValue();
                    for (int row = 0; row < rowCount; row++) {
                        vector.setFloat(row, value);
                    }
                }
                case Double number -> {
                    double value = number;
                    for (int row = 0; row < rowCount; row++) {
                        vector.setDouble(row, value);
                    }
                }
                case Boolean flag -> {
                    boolean value = flag;
                    for (int row = 0; row < rowCount; row++) {
                        vector.setBoolean(row, value);
                    }
                }
                case byte[] bytes -> {
                    for (int row = 0; row < rowCount; row++) {
                        vector.setBytes(row, bytes);
                    }
                }
                default -> throw new IllegalStateException("unexpected default " + values[i]);
            }
        }
    }
}
