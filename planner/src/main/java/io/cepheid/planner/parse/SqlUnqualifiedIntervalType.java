package io.cepheid.planner.parse;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * The type name INTERVAL with no unit after it, as in {@code '3 days'::interval} and
 * {@code CAST('1 hour' AS INTERVAL)}. A cast of a constant string to it is rewritten into an interval before
 * validation; anything else (a column of this type, a cast of a column) has no interval value to become.
 */
public final class SqlUnqualifiedIntervalType extends SqlTypeNameSpec {
    public SqlUnqualifiedIntervalType(SqlParserPos pos) {
        super(new SqlIdentifier("INTERVAL", pos), pos);
    }

    @Override
    public RelDataType deriveType(SqlValidator validator) {
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "type INTERVAL without a unit is only supported in a cast of a constant string, such as '3 days'::interval");
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("INTERVAL");
    }

    @Override
    public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
        return spec instanceof SqlUnqualifiedIntervalType ? litmus.succeed() : litmus.fail("{} != {}", this, spec);
    }
}
