package io.cepheid.planner.parse;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds the errors that grammar actions raise for mistakes the token grammar alone cannot see
 * (an attribute given twice, an unknown COPY option), positioned on the offending word.
 */
public final class ParseErrors {
    private ParseErrors() {
    }

    /**
     * Returns an exception for the generated parser to throw; its convertException() unwraps the
     * context into a SqlParseException at {@code pos} whose message is {@code detail}.
     */
    public static CalciteContextException at(SqlParserPos pos, String detail) {
        return new CalciteContextException(detail, new GrammarRuleViolation(detail),
            pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    /** The cause carried by {@link #at}, so that {@link CepheidParser} can tell our details apart. */
    static final class GrammarRuleViolation extends RuntimeException {
        GrammarRuleViolation(String detail) {
            super(detail, null, false, false);
        }
    }
}
