package io.cepheid.planner.parse;

/** What DROP does with dependent objects: RESTRICT (the default) refuses, CASCADE drops them too. */
public enum DropBehavior {
    RESTRICT,
    CASCADE
}
