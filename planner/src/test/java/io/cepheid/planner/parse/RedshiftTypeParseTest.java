package io.cepheid.planner.parse;

import static io.cepheid.planner.parse.ParseTestSupport.parseAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Redshift type spelling maps to the Calcite type the planner expects. */
class RedshiftTypeParseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SMALLINT | SMALLINT | -1 | -1",
        "INT2 | SMALLINT | -1 | -1",
        "INTEGER | INTEGER | -1 | -1",
        "INT | INTEGER | -1 | -1",
        "INT4 | INTEGER | -1 | -1",
        "BIGINT | BIGINT | -1 | -1",
        "INT8 | BIGINT | -1 | -1",
        "DECIMAL | DECIMAL | -1 | -1",
        "DECIMAL(12) | DECIMAL | 12 | -1",
        "NUMERIC(18,4) | DECIMAL | 18 | 4",
        "REAL | REAL | -1 | -1",
        "FLOAT4 | REAL | -1 | -1",
        "DOUBLE PRECISION | DOUBLE | -1 | -1",
        "FLOAT8 | DOUBLE | -1 | -1",
        "FLOAT | DOUBLE | -1 | -1",
        "BOOLEAN | BOOLEAN | -1 | -1",
        "BOOL | BOOLEAN | -1 | -1",
        "CHAR | CHAR | -1 | -1",
        "CHAR(10) | CHAR | 10 | -1",
        "CHARACTER(3) | CHAR | 3 | -1",
        "NCHAR(4) | CHAR | 4 | -1",
        "BPCHAR(5) | CHAR | 5 | -1",
        "VARCHAR | VARCHAR | -1 | -1",
        "VARCHAR(20) | VARCHAR | 20 | -1",
        "VARCHAR(MAX) | VARCHAR | 65535 | -1",
        "CHARACTER VARYING(30) | VARCHAR | 30 | -1",
        "CHARACTER VARYING(MAX) | VARCHAR | 65535 | -1",
        "NVARCHAR(40) | VARCHAR | 40 | -1",
        "TEXT | VARCHAR | 256 | -1",
        "DATE | DATE | -1 | -1",
        "TIMESTAMP | TIMESTAMP | -1 | -1",
        "TIMESTAMP WITHOUT TIME ZONE | TIMESTAMP | -1 | -1",
        "TIMESTAMPTZ | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1 | -1",
        "TIMESTAMP WITH TIME ZONE | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1 | -1",
    })
    void columnTypes(String written, SqlTypeName expected, int precision, int scale) {
        SqlColumnDefinition column = parseAs("CREATE TABLE t (c " + written + ")", SqlCreateTable.class)
            .columns().get(0);
        assertEquals(expected, column.sqlTypeName());
        SqlBasicTypeNameSpec basic = (SqlBasicTypeNameSpec) column.type().getTypeNameSpec();
        assertEquals(precision, basic.getPrecision());
        // Calcite marks an unwritten scale with Integer.MIN_VALUE; the table writes it as -1.
        assertEquals(scale, basic.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? -1 : basic.getScale());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x::int4 | INTEGER",
        "x::text | VARCHAR",
        "CAST(x AS float8) | DOUBLE",
        "x::timestamptz | TIMESTAMP_WITH_LOCAL_TIME_ZONE",
        "x::varchar(max) | VARCHAR",
        "x::bool | BOOLEAN",
    })
    void castTargets(String expression, SqlTypeName expected) {
        SqlSelect select = parseAs("SELECT " + expression + " FROM t", SqlSelect.class);
        SqlCall cast = (SqlCall) select.getSelectList().get(0);
        SqlDataTypeSpec type = (SqlDataTypeSpec) cast.operand(1);
        assertEquals(expected, SqlTypeName.get(type.getTypeName().getSimple()));
    }
}
