package io.cepheid.storage.catalog;

import java.util.Locale;

/**
 * Schema and table names are case-insensitive, as unquoted identifiers are in Redshift: the catalog
 * stores and compares them lower-case (the planner lower-cases unquoted names the same way).
 */
final class Identifiers {
    private Identifiers() {
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
