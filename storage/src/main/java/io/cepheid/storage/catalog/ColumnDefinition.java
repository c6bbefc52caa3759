package io.cepheid.storage.catalog;

import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.type.SqlType;

/**
 * One column of a table as declared. {@code defaultSql} is the DEFAULT expression as SQL text (null when none);
 * the planner parses and evaluates it, storage only keeps it.
 */
public record ColumnDefinition(String name, SqlType type, boolean nullable, Encoding encoding, String defaultSql) {
}
