package io.cepheid.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.math.BigDecimal;

/**
 * Calcite's validator with Redshift's literal rule: an integer literal that fits BIGINT is a BIGINT, even
 * with 19 digits (9223372036854775807), where Calcite would check it against DECIMAL's 18-digit limit; and
 * Redshift's assignment rule for INSERT ... VALUES: a string literal for a non-string column is cast to it.
 */
final class CepheidValidator extends SqlValidatorImpl {
    CepheidValidator(SqlOperatorTable operatorTable, SqlValidatorCatalogReader catalogReader,
                     RelDataTypeFactory typeFactory, Config config) {
        super(operatorTable, catalogReader, typeFactory, config);
    }

    /** Intervals with their units inside the quotes become Calcite's interval literals (see {@link IntervalLiterals}). */
    @Override
    protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
        SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
        return rewritten instanceof SqlCall call ? IntervalLiterals.rewrite(call) : rewritten;
    }

    @Override
    public void validateLiteral(SqlLiteral literal) {
        if (literal instanceof SqlNumericLiteral numeric && numeric.isExact() && numeric.getScale() != null
                && numeric.getScale() == 0) {
            BigDecimal value = numeric.getValueAs(BigDecimal.class);
            if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
                return;
            }
        }
        super.validateLiteral(literal);
    }

    /**
     * Calcite's grammar builds some date/time calls with its own operator (DATE_TRUNC): ours takes its place.
     * Redshift's day arithmetic: {@code date ± integer} and {@code date - date}, which Calcite's {@code +}
     * and {@code -} reject, get operators of their own once the operand types are known; so does
     * {@code timestamp - timestamp}, a day-time interval.
     */
    @Override
    public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
        retypeDatetimeArithmetic(scope, expr);
        return super.deriveType(scope, expr);
    }

    /** ORDER BY items are validated before their type is derived: they get the same operators first. */
    @Override
    public void validateCall(SqlCall call, SqlValidatorScope scope) {
        retypeDatetimeArithmetic(scope, call);
        super.validateCall(call, scope);
    }

    private void retypeDatetimeArithmetic(SqlValidatorScope scope, SqlNode expr) {
        if (expr instanceof SqlBasicCall call && DatetimeOperators.replacement(call.getOperator()) != null) {
            call.setOperator(DatetimeOperators.replacement(call.getOperator()));
        }
        if (expr instanceof SqlBasicCall call && DatetimeOperators.isStandard(call.getOperator())
                && call.operandCount() == 2 && isTyped(call.operand(0)) && isTyped(call.operand(1))) {
            // Through this class, so that nested arithmetic ((e - s) - (e - s)) gets its operators first.
            RelDataType left = deriveType(scope, call.operand(0));
            RelDataType right = deriveType(scope, call.operand(1));
            if (DatetimeOperators.isDayArithmetic(call.getKind(), left, right)) {
                call.setOperator(call.getKind() == SqlKind.PLUS ? DatetimeOperators.DAY_PLUS : DatetimeOperators.DAY_MINUS);
            }
            if (DatetimeOperators.isTimestampDifference(call.getKind(), left, right)) {
                call.setOperator(DatetimeOperators.TIMESTAMP_MINUS);
            }
        }
    }

    /** Operands whose type stands on its own (a parameter or a bare NULL takes its type from the other side). */
    private static boolean isTyped(SqlNode operand) {
        return !(operand instanceof SqlDynamicParam) && !SqlUtil.isNullLiteral(operand, false);
    }

    /**
     * In INSERT ... VALUES, casts each string literal bound for a non-string column to that column's type.
     * Calcite types a NULL in VALUES from the target column (DATE) but leaves '2024-03-10' a CHAR, and then
     * rejects the rows ('2024-03-10'), (NULL) as incompatible; Redshift assigns each value to its column.
     */
    @Override
    protected void validateValues(SqlCall node, RelDataType targetRowType, SqlValidatorScope scope) {
        if (node.getKind() == SqlKind.VALUES && targetRowType.isStruct()) {
            for (SqlNode row : node.getOperandList()) {
                if (row instanceof SqlCall rowCall && rowCall.getKind() == SqlKind.ROW
                        && rowCall.operandCount() == targetRowType.getFieldCount()) {
                    castStringLiterals(rowCall, targetRowType);
                }
            }
        }
        super.validateValues(node, targetRowType, scope);
    }

    private static void castStringLiterals(SqlCall row, RelDataType targetRowType) {
        for (int i = 0; i < row.operandCount(); i++) {
            RelDataType target = targetRowType.getFieldList().get(i).getType();
            if (row.operand(i) instanceof SqlCharStringLiteral literal && !SqlTypeUtil.isCharacter(target)) {
                row.setOperand(i, SqlStdOperatorTable.CAST.createCall(literal.getParserPosition(), literal,
                        SqlTypeUtil.convertTypeToSpec(target)));
            }
        }
    }
}
