package io.cepheid.planner.ddl;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Column types as written in DDL, with Redshift's defaults: CHAR means CHAR(1), VARCHAR means VARCHAR(256),
 * DECIMAL means DECIMAL(18,0).
 */
public final class ColumnTypes {
    private ColumnTypes() {
    }

    public static SqlType fromSpec(SqlDataTypeSpec spec) {
        if (!(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "type " + spec + " is not supported");
        }
        SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(java.util.Locale.ROOT));
        if (name == null) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "type " + spec + " is not supported");
        }
        int precision = basic.getPrecision();
        int scale = basic.getScale();
        return switch (name) {
            case TINYINT, SMALLINT -> SqlType.SMALLINT;
            case INTEGER -> SqlType.INTEGER;
            case BIGINT -> SqlType.BIGINT;
            case DECIMAL -> new SqlType.DecimalType(precision < 0 ? SqlType.DecimalType.MAX_LONG_PRECISION : precision,
                    scale < 0 ? 0 : scale);
            case REAL -> SqlType.REAL;
            case FLOAT, DOUBLE -> SqlType.DOUBLE;
            case BOOLEAN -> SqlType.BOOLEAN;
            case CHAR -> new SqlType.CharType(precision < 0 ? 1 : precision);
            case VARCHAR -> new SqlType.VarcharType(precision < 0 ? SqlType.VarcharType.DEFAULT_LENGTH : precision);
            case DATE -> SqlType.DATE;
            case TIMESTAMP -> SqlType.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlType.TIMESTAMPTZ;
            case TIME -> SqlType.TIME;
            default -> throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "type " + name + " is not supported yet");
        };
    }
}
