package io.cepheid.planner.validate;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;

import java.math.BigDecimal;

/**
 * Calcite's validator with Redshift's literal rule: an integer literal that fits BIGINT is a BIGINT, even
 * with 19 digits (9223372036854775807), where Calcite would check it against DECIMAL's 18-digit limit.
 */
final class CepheidValidator extends SqlValidatorImpl {
    CepheidValidator(SqlOperatorTable operatorTable, SqlValidatorCatalogReader catalogReader,
                     RelDataTypeFactory typeFactory, Config config) {
        super(operatorTable, catalogReader, typeFactory, config);
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
}
