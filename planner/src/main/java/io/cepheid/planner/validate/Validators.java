package io.cepheid.planner.validate;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;

/**
 * Builds the validator for Redshift's SQL: standard operators plus PostgreSQL's and Redshift's function
 * libraries, Babel conformance, and NULLs sorting as the largest value.
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

    public static SqlValidator create(SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory) {
        return new CepheidValidator(
                SqlOperatorTables.chain(RedshiftAggregates.operatorTable(),
                        RedshiftAggregates.standardOperators(SqlStdOperatorTable.instance()),
                        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL, SqlLibrary.REDSHIFT)),
                catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(REDSHIFT)
                        .withTypeCoercionFactory(AggregateCoercion::new)
                        .withDefaultNullCollation(NullCollation.HIGH)
                        .withIdentifierExpansion(true));
    }
}
