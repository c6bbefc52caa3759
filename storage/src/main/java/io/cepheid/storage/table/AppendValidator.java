package io.cepheid.storage.table;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

/**
 * Checks a batch against the table's declaration before any of its rows is stored, so a rejected batch
 * adds nothing: NOT NULL columns hold no NULL, and CHAR/VARCHAR values fit their declared byte length.
 */
final class AppendValidator {
    private AppendValidator() {
    }

    static void validate(TableDefinition definition, Batch batch) {
        if (batch.columnCount() != definition.columns().size()) {
            throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, table "
                    + definition.qualifiedName() + " has " + definition.columns().size());
        }
        int size = batch.size();
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnDefinition column = definition.columns().get(c);
            ColumnVector vector = batch.column(c);
            if (vector.physicalType() != column.type().physicalType()) {
                throw new IllegalArgumentException("batch column " + c + " is " + vector.type().displayName()
                        + ", table column \"" + column.name() + "\" is " + column.type().displayName());
            }
            if (!column.nullable() && vector.hasNulls()) {
                for (int i = 0; i < size; i++) {
                    if (vector.isNull(batch.row(i))) {
                        throw new CepheidException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \""
                                + column.name() + "\" of table " + definition.qualifiedName()
                                + " violates not-null constraint");
                    }
                }
            }
            int limit = byteLimit(column.type());
            if (limit >= 0) {
                for (int i = 0; i < size; i++) {
                    int row = batch.row(i);
                    if (!vector.isNull(row) && vector.getByteLength(row) > limit) {
                        throw new CepheidException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, "value too long for type "
                                + column.type().displayName() + " in column \"" + column.name() + "\": "
                                + vector.getByteLength(row) + " bytes, limit " + limit);
                    }
                }
            }
        }
    }

    /** The declared UTF-8 byte limit of a string type, or -1 for types without one. */
    private static int byteLimit(SqlType type) {
        return switch (type) {
            case SqlType.CharType c -> c.length();
            case SqlType.VarcharType v -> v.maxBytes();
            case SqlType.SmallIntType t -> -1;
            case SqlType.IntegerType t -> -1;
            case SqlType.BigIntType t -> -1;
            case SqlType.DecimalType t -> -1;
            case SqlType.RealType t -> -1;
            case SqlType.DoubleType t -> -1;
            case SqlType.BooleanType t -> -1;
            case SqlType.DateType t -> -1;
            case SqlType.TimestampType t -> -1;
            case SqlType.TimestampTzType t -> -1;
            case SqlType.TimeType t -> -1;
            case SqlType.IntervalType t -> -1;
        };
    }
}
