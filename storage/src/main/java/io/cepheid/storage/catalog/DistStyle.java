package io.cepheid.storage.catalog;

/** How a table's rows are spread over slices (Redshift's DISTSTYLE). */
public enum DistStyle {
    /** Round robin over slices. */
    EVEN,
    /** Hash of the DISTKEY column picks the slice: equal keys are co-located. */
    KEY,
    /** A full copy of the table on every node (in embedded mode: one copy read by every slice's join). */
    ALL,
    /** ALL while small, then EVEN (or KEY when a DISTKEY is declared). */
    AUTO
}
