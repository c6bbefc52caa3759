package io.cepheid.planner.parse;

/** How a table's rows are spread over slices: DISTSTYLE EVEN, KEY, ALL or AUTO. */
public enum DistStyle {
    EVEN,
    KEY,
    ALL,
    AUTO
}
