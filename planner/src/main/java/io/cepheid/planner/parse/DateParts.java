package io.cepheid.planner.parse;

import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.Locale;

/**
 * The date part of DATEADD, DATEDIFF and DATE_PART written as a name ({@code day}, {@code mons}) becomes the
 * string literal Redshift also accepts ({@code 'day'}), so later stages see one form. Unknown names are
 * reported (22023, naming the part) when the expression is compiled.
 */
public final class DateParts {
    private DateParts() {
    }

    public static SqlNode literal(SqlIntervalQualifier part) {
        String name = part.timeFrameName != null ? part.timeFrameName : part.getStartUnit().name();
        return SqlLiteral.createCharString(name.toLowerCase(Locale.ROOT), part.getParserPosition());
    }
}
