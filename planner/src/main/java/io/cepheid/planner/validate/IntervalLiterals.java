package io.cepheid.planner.validate;

import io.cepheid.planner.parse.IntervalText;
import io.cepheid.planner.parse.SqlIntervalText;
import io.cepheid.planner.parse.SqlUnqualifiedIntervalType;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns intervals written with their units inside the quotes ({@link SqlIntervalText}, and casts of a string to
 * INTERVAL) into Calcite's interval literals before validation: a YEAR TO MONTH literal for months, a DAY TO SECOND
 * literal for elapsed time. A value with both ({@code '1 month 2 days'}) has no single Calcite type, so
 * {@code x ± mixed} becomes {@code (x ± months) ± time}: months first, then the rest, PostgreSQL's order.
 * Calcite holds a day-time interval in milliseconds, so a finer part is rounded to the millisecond.
 */
final class IntervalLiterals {
    /** Calcite's limit on an interval's leading field; 10 digits of days is far beyond any timestamp range. */
    private static final int LEADING_PRECISION = 10;
    private static final int FRACTION_PRECISION = 3;
    private static final long MICROS_PER_MILLI = 1000L;

    private IntervalLiterals() {
    }

    /** Rewrites one call whose operands have been rewritten already; returns the call itself when nothing applies. */
    static SqlNode rewrite(SqlCall call) {
        if (call.getOperator() == SqlIntervalText.OPERATOR) {
            IntervalText.Value value = SqlIntervalText.value(call);
            return value.isMixed() ? call : literal(value, call.getParserPosition());
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(1) instanceof SqlDataTypeSpec spec
                && spec.getTypeNameSpec() instanceof SqlUnqualifiedIntervalType) {
            if (!(call.operand(0) instanceof SqlCharStringLiteral text)) {
                throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "only a constant string can be cast to INTERVAL: " + call.operand(0));
            }
            return rewrite(SqlIntervalText.call(call.getParserPosition(), 1, text.getValueAs(String.class)));
        }
        if ((call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS) && call.operandCount() == 2) {
            return splitMixed(call);
        }
        return call;
    }

    /** {@code x ± mixed} (or {@code mixed + x}) as {@code (x ± months) ± time}. */
    private static SqlNode splitMixed(SqlCall call) {
        boolean plus = call.getKind() == SqlKind.PLUS;
        SqlNode base = call.operand(0);
        SqlNode interval = call.operand(1);
        if (plus && isMixed(base) && !isMixed(interval)) {
            base = call.operand(1);
            interval = call.operand(0);
        }
        if (!isMixed(interval)) {
            return call;
        }
        SqlParserPos pos = call.getParserPosition();
        IntervalText.Value value = SqlIntervalText.value((SqlCall) interval);
        SqlOperator operator = call.getOperator();
        SqlNode monthsApplied = operator.createCall(pos, base, literal(new IntervalText.Value(value.months(), 0), pos));
        return operator.createCall(pos, monthsApplied, literal(new IntervalText.Value(0, value.micros()), pos));
    }

    private static boolean isMixed(SqlNode node) {
        return node instanceof SqlCall call && call.getOperator() == SqlIntervalText.OPERATOR
                && SqlIntervalText.value(call).isMixed();
    }

    private static SqlLiteral literal(IntervalText.Value value, SqlParserPos pos) {
        if (value.months() != 0) {
            long months = Math.abs(value.months());
            return SqlLiteral.createInterval(Long.signum(value.months()), (months / 12) + "-" + (months % 12),
                    new SqlIntervalQualifier(TimeUnit.YEAR, LEADING_PRECISION, TimeUnit.MONTH, -1, pos), pos);
        }
        long millis = Math.abs(value.micros()) / MICROS_PER_MILLI;
        long seconds = millis / 1000;
        String text = (seconds / 86_400) + " " + (seconds / 3600 % 24) + ":" + (seconds / 60 % 60) + ":" + (seconds % 60)
                + "." + String.format("%03d", millis % 1000);
        return SqlLiteral.createInterval(value.micros() < 0 ? -1 : 1, text,
                new SqlIntervalQualifier(TimeUnit.DAY, LEADING_PRECISION, TimeUnit.SECOND, FRACTION_PRECISION, pos), pos);
    }
}
