package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

import java.util.List;

/**
 * Calcite's implicit coercion, except that numeric aggregates (SUM, AVG, STDDEV, ...) never cast a character
 * argument to a number: Redshift has no SUM(VARCHAR) and rejects it while planning (42883), where the cast
 * would only fail at run time, and only when a string is not a number.
 */
final class AggregateCoercion extends TypeCoercionImpl {
    AggregateCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean builtinFunctionCoercion(SqlCallBinding binding, List<RelDataType> operandTypes,
                                           List<SqlTypeFamily> expectedFamilies) {
        if (binding.getOperator().isAggregator() && operandTypes.stream().anyMatch(SqlTypeUtil::isCharacter)
                && expectedFamilies.stream().anyMatch(f -> f == SqlTypeFamily.NUMERIC)) {
            return false;
        }
        return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
    }
}
