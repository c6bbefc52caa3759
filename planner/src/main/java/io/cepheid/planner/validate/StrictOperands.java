package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Operand families checked without implicit casts, as PostgreSQL resolves functions: {@code REGEXP_COUNT(1,
 * 'x')} is an unknown function (42883), where Calcite's coercion would quietly cast the number to text.
 * The first {@code required} operands must be present; a NULL literal fits any family.
 */
record StrictOperands(List<SqlTypeFamily> families, int required) implements SqlOperandTypeChecker {
    static StrictOperands of(int required, SqlTypeFamily... families) {
        return new StrictOperands(List.of(families), required);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            if (type.getSqlTypeName() != SqlTypeName.NULL && !families.get(i).contains(type)) {
                if (throwOnFailure) {
                    throw binding.newValidationSignatureError();
                }
                return false;
            }
        }
        return true;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.between(required, families.size());
    }

    @Override
    public String getAllowedSignatures(SqlOperator operator, String name) {
        return name + "(" + families.stream().map(family -> family.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public boolean isOptional(int i) {
        return i >= required;
    }
}
