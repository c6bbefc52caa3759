package io.cepheid.server;

import io.cepheid.storage.type.SqlType;

/** One column of a statement's result as clients see it. */
public record ResultColumn(String name, SqlType type, boolean nullable) {
}
