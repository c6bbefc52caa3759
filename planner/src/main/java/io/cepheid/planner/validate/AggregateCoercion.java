package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

import java.util.List;

/**
 * Calcite's implicit coercion, except that numeric aggregates (SUM, AVG, STDDEV, ...) never cast a character
 * argument to a number: Redshift has no SUM(VARCHAR) and rejects it while planning (42883), where the cast
 * would only fail at run time, and only when a string is not a number. Day-time intervals of different
 * qualifiers (INTERVAL HOUR, DAY TO SECOND, timestamp - timestamp) are never cast to one another: all are
 * microseconds at run time, and Calcite cannot convert the cast it would insert (its type spec has no qualifier).
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

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        if (binding.getOperandCount() == 2 && isDayTimeInterval(binding.getOperandType(0))
                && isDayTimeInterval(binding.getOperandType(1))) {
            return false;
        }
        return super.binaryComparisonCoercion(binding);
    }

    @Override
    protected boolean needToCast(SqlValidatorScope scope, SqlNode node, RelDataType toType, SqlTypeMappingRule mappingRule) {
        if (isDayTimeInterval(toType) && isDayTimeInterval(validator.deriveType(scope, node))) {
            return false;
        }
        return super.needToCast(scope, node, toType, mappingRule);
    }

    private static boolean isDayTimeInterval(RelDataType type) {
        return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
    }
}
