package io.cepheid.planner.validate;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the validator for Redshift's SQL: our date/time functions and Redshift's string functions
 * ({@link RedshiftStringFunctions}), looked up first, then standard operators and PostgreSQL's and Redshift's
 * function libraries (less the functions ours replace), Babel conformance, and NULLs sorting as the largest
 * value.
 */
public final class Validators {
    /**
     * Babel's leniency, except that GROUP BY is strict: a select item that is neither grouped nor aggregated
     * is an error (42803), as in Redshift, instead of an arbitrary value of the group.
     */
    private static final SqlConformance REDSHIFT = new SqlDelegatingConformance(SqlConformanceEnum.BABEL) {
        @Override
        public boolean isNonStrictGroupBy() {
            return false;
        }
    };

    private Validators() {
    }

    /** PostgreSQL's and Redshift's libraries, less the functions {@link RedshiftStringFunctions} declares anew. */
    private static final SqlOperatorTable LIBRARIES = libraries();

    private static SqlOperatorTable libraries() {
        return SqlOperatorTables.of(SqlLibraryOperatorTableFactory.INSTANCE
                .getOperatorTable(SqlLibrary.POSTGRESQL, SqlLibrary.REDSHIFT).getOperatorList().stream()
                .filter(operator -> !RedshiftStringFunctions.REPLACED.contains(operator.getName()))
                .toList());
    }

    public static SqlValidator create(SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory) {
        return new CepheidValidator(
                SqlOperatorTables.chain(DatetimeOperators.table(), RedshiftStringFunctions.TABLE,
                        RedshiftAggregates.operatorTable(),
                        hiding(RedshiftAggregates.standardOperators(SqlStdOperatorTable.instance()), DatetimeOperators.NAMES),
                        hiding(LIBRARIES, DatetimeOperators.NAMES)),
                catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(REDSHIFT)
                        .withTypeCoercionFactory(AggregateCoercion::new)
                        .withDefaultNullCollation(NullCollation.HIGH)
                        .withIdentifierExpansion(true));
    }

    /** {@code table} without the functions named in {@code names} (upper case): ours replace them. */
    private static SqlOperatorTable hiding(SqlOperatorTable table, Set<String> names) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category,
                                                SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
                if (!(opName.isSimple() && names.contains(opName.getSimple().toUpperCase(Locale.ROOT)))) {
                    table.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
                }
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                return table.getOperatorList().stream().filter(op -> !names.contains(op.getName())).toList();
            }
        };
    }
}
