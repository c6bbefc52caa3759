package io.cepheid.storage.table;

import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;

import java.util.List;
import java.util.Optional;

/** A table as of one committed version: what a query reads. Never changes once obtained. */
public interface TableSnapshot {
    TableDefinition definition();

    int sliceCount();

    /** Row groups of a slice, in storage order (sorted by the sort key within each row group). */
    List<RowGroup> rowGroups(int slice);

    long rowCount();

    /** The statistics of the table's last ANALYZE; empty while it was never analyzed. */
    default Optional<TableStatistics> statistics() {
        return Optional.empty();
    }

    /** Rows inserted or deleted since the last ANALYZE (since the table was created, if never analyzed). */
    default long rowsChangedSinceAnalyze() {
        return rowCount();
    }

    /**
     * Whether the table is one full copy that every slice reads (DISTSTYLE ALL, or AUTO while small). The
     * copy is stored once: {@link #rowGroups(int)} returns it for slice 0 and nothing for the others, so a
     * scan that needs every row on every slice (the inner side of a join) reads slice 0 from each slice.
     */
    default boolean replicated() {
        return definition().distStyle() == DistStyle.ALL;
    }

    /**
     * How the rows are actually spread: EVEN, KEY or ALL. Differs from the declared style only for AUTO
     * tables, which are stored as ALL while small and as EVEN (or KEY with a DISTKEY) once they grow.
     */
    default DistStyle storedDistStyle() {
        return definition().distStyle();
    }
}
