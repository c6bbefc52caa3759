package io.cepheid.planner.ddl;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlIdentifier;

/** A table or object name resolved against the session's current schema. */
public record QualifiedName(String schema, String table) {
    public static QualifiedName of(SqlIdentifier identifier, String currentSchema) {
        // Redshift folds identifiers to lower case, quoted or not (enable_case_sensitive_identifier off).
        java.util.List<String> names = identifier.names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
        return switch (names.size()) {
            case 1 -> new QualifiedName(currentSchema, names.get(0));
            case 2 -> new QualifiedName(names.get(0), names.get(1));
            case 3 -> new QualifiedName(names.get(1), names.get(2));
            default -> throw new CepheidException(ErrorCode.SYNTAX_ERROR, "improper qualified name: " + identifier);
        };
    }
}
