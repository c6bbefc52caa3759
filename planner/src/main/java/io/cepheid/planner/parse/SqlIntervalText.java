package io.cepheid.planner.parse;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * An interval written with its units inside the quotes ({@code INTERVAL '2 hours'}, {@code '3 days'::interval}),
 * as the parser leaves it: the text is read when the statement is validated (so bad text is 22007, not a syntax
 * error), where a value that is all months or all time becomes Calcite's interval literal and one that mixes them
 * is split around the {@code +} or {@code -} it is an operand of (see the validator's interval rewrite).
 */
public final class SqlIntervalText extends SqlSpecialOperator {
    public static final SqlIntervalText OPERATOR = new SqlIntervalText();

    private SqlIntervalText() {
        // Binds like a literal, so it unparses without parentheses.
        super("INTERVAL", SqlKind.OTHER, 100);
    }

    /** {@code INTERVAL [+|-] 'text'} with no unit after the string. */
    public static SqlCall call(SqlParserPos pos, int sign, String text) {
        return OPERATOR.createCall(pos, SqlLiteral.createExactNumeric(Integer.toString(sign), pos),
                SqlLiteral.createCharString(text, pos));
    }

    public static int sign(SqlCall call) {
        return ((SqlLiteral) call.operand(0)).intValue(true);
    }

    public static String text(SqlCall call) {
        return ((SqlCharStringLiteral) call.operand(1)).getValueAs(String.class);
    }

    /** The interval the call stands for, sign applied; bad text is 22007. */
    public static IntervalText.Value value(SqlCall call) {
        IntervalText.Value value = IntervalText.parse(text(call));
        return sign(call) < 0 ? value.negate() : value;
    }

    /** Reached only by a mixed interval that is not an operand of + or -: there is no interval value to hold it. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "interval '" + text(call)
                + "' mixes months with days or time: it can only be added to or subtracted from a date or timestamp");
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.keyword("INTERVAL");
        if (sign(call) < 0) {
            writer.print("-");
        }
        call.operand(1).unparse(writer, 0, 0);
    }
}
