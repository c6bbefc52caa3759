package io.cepheid.planner.validate;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Redshift's aggregates where Calcite has none or types them differently: MEDIAN, and the STDDEV / VARIANCE
 * family, whose result is DOUBLE PRECISION whatever the argument (Calcite's keeps the argument type, which
 * for integers would truncate). {@link #standardOperators} hides Calcite's functions of the same names, so
 * that a name resolves to exactly one aggregate.
 */
public final class RedshiftAggregates {
    /** MEDIAN(x): PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x), in DOUBLE. */
    public static final SqlAggFunction MEDIAN = statistic("MEDIAN", SqlKind.OTHER_FUNCTION);

    private RedshiftAggregates() {
    }

    private static final List<SqlOperator> OPERATORS = List.of(MEDIAN,
            statistic("STDDEV", SqlKind.STDDEV_SAMP),
            statistic("STDDEV_SAMP", SqlKind.STDDEV_SAMP),
            statistic("STDDEV_POP", SqlKind.STDDEV_POP),
            statistic("VARIANCE", SqlKind.VAR_SAMP),
            statistic("VAR_SAMP", SqlKind.VAR_SAMP),
            statistic("VAR_POP", SqlKind.VAR_POP));
    private static final Set<String> NAMES = OPERATORS.stream().map(SqlOperator::getName).collect(Collectors.toSet());

    /** These aggregates; lookups ignore case, as Redshift's (and the standard table's) do. */
    public static SqlOperatorTable operatorTable() {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                                List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
                if (name.isSimple() && syntax == SqlSyntax.FUNCTION) {
                    String wanted = name.getSimple().toUpperCase(Locale.ROOT);
                    OPERATORS.stream().filter(op -> op.getName().equals(wanted)).forEach(operators::add);
                }
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return OPERATORS;
            }
        };
    }

    /** {@code standard} without the functions this class replaces. */
    public static SqlOperatorTable standardOperators(SqlOperatorTable standard) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                                List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
                List<SqlOperator> found = new ArrayList<>();
                standard.lookupOperatorOverloads(name, category, syntax, found, nameMatcher);
                found.stream().filter(op -> !NAMES.contains(op.getName())).forEach(operators::add);
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return standard.getOperatorList().stream().filter(op -> !NAMES.contains(op.getName())).toList();
            }
        };
    }

    private static SqlAggFunction statistic(String name, SqlKind kind) {
        return SqlBasicAggFunction.create(name, kind, ReturnTypes.DOUBLE_FORCE_NULLABLE, OperandTypes.NUMERIC);
    }
}
