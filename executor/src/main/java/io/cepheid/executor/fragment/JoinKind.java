package io.cepheid.executor.fragment;

/** Join semantics. SEMI and ANTI emit only left columns; ANTI keeps left rows with no match. */
public enum JoinKind {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI
}
