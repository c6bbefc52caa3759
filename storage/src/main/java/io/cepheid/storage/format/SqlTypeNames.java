package io.cepheid.storage.format;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.type.SqlType;

/**
 * Writes a {@link SqlType} into catalog files as its Redshift display name and parses it back, so the
 * catalog stays readable ({@code "numeric(12,2)"}, {@code "character varying(256)"}).
 */
public final class SqlTypeNames {
    private SqlTypeNames() {
    }

    public static String format(SqlType type) {
        return type.displayName();
    }

    public static SqlType parse(String name) {
        return switch (name) {
            case "smallint" -> SqlType.SMALLINT;
            case "integer" -> SqlType.INTEGER;
            case "bigint" -> SqlType.BIGINT;
            case "real" -> SqlType.REAL;
            case "double precision" -> SqlType.DOUBLE;
            case "boolean" -> SqlType.BOOLEAN;
            case "date" -> SqlType.DATE;
            case "timestamp without time zone" -> SqlType.TIMESTAMP;
            case "timestamp with time zone" -> SqlType.TIMESTAMPTZ;
            case "time without time zone" -> SqlType.TIME;
            // Only a view's column has this type: tables do not store intervals.
            case "interval" -> SqlType.INTERVAL;
            default -> parseParameterized(name);
        };
    }

    private static SqlType parseParameterized(String name) {
        int open = name.indexOf('(');
        if (open < 0 || !name.endsWith(")")) {
            throw unknown(name);
        }
        String base = name.substring(0, open);
        String[] arguments = name.substring(open + 1, name.length() - 1).split(",");
        try {
            return switch (base) {
                case "numeric" -> new SqlType.DecimalType(Integer.parseInt(arguments[0].trim()),
                        Integer.parseInt(arguments[1].trim()));
                case "character" -> new SqlType.CharType(Integer.parseInt(arguments[0].trim()));
                case "character varying" -> new SqlType.VarcharType(Integer.parseInt(arguments[0].trim()));
                default -> throw unknown(name);
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw unknown(name);
        }
    }

    private static CepheidException unknown(String name) {
        return new CepheidException(ErrorCode.DATA_CORRUPTED, "catalog names an unknown type \"" + name + "\"");
    }
}
