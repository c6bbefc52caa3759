package io.cepheid.planner.parse;

/** The nullability a column definition states: nothing, NULL, or NOT NULL. */
public enum ColumnNullability {
    UNSPECIFIED,
    NULL,
    NOT_NULL
}
