package io.cepheid.storage.table;

import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.encoding.ZoneMap;

import java.util.Arrays;
import java.util.List;

/**
 * A slice's sorted region: its leading row groups whose rows are in sort-key order across row-group
 * boundaries, as after a load into an empty slice or a VACUUM. Every row group is sorted within itself; the
 * region ends at the first row group that does not follow the one before it. A row group follows when
 * VACUUM wrote both as one run ({@link RowGroup#continuesSortedRun()}), or, for a COMPOUND key, when the
 * zone maps of the first sort column show it starts at or after where the previous one ends. Zone maps
 * cannot tell that for an INTERLEAVED key (z-order spreads every column over the whole slice), so there
 * only VACUUM's runs count. Rows outside the region are what svv_table_info reports as {@code unsorted}
 * and what VACUUM's sort phase merges.
 */
public final class SortedRegion {
    private SortedRegion() {
    }

    /** Whether the table has a sort key, so that sortedness means something. */
    public static boolean sorted(TableDefinition definition) {
        return definition.sortStyle() != SortStyle.NONE && !definition.sortKey().isEmpty();
    }

    /** How many leading row groups of {@code rowGroups} (one slice, storage order) form the sorted region. */
    public static int rowGroups(TableDefinition definition, List<RowGroup> rowGroups) {
        if (!sorted(definition)) {
            return rowGroups.size();
        }
        boolean compound = definition.sortStyle() == SortStyle.COMPOUND;
        int firstKey = definition.sortKey().getFirst();
        BlockHeader previous = null;
        for (int i = 0; i < rowGroups.size(); i++) {
            RowGroup rowGroup = rowGroups.get(i);
            if (i == 0 || rowGroup.continuesSortedRun()) {
                previous = null;
                continue;
            }
            if (!compound) {
                return i;
            }
            if (previous == null) {
                previous = rowGroups.get(i - 1).header(firstKey);
            }
            BlockHeader next = rowGroup.header(firstKey);
            if (!follows(previous, next)) {
                return i;
            }
            previous = next;
        }
        return rowGroups.size();
    }

    /** Stored rows (deleted ones included) outside every slice's sorted region. */
    public static long unsortedRows(TableSnapshot table) {
        long unsorted = 0;
        for (int slice = 0; slice < table.sliceCount(); slice++) {
            List<RowGroup> rowGroups = table.rowGroups(slice);
            for (int i = rowGroups(table.definition(), rowGroups); i < rowGroups.size(); i++) {
                unsorted += rowGroups.get(i).rowCount();
            }
        }
        return unsorted;
    }

    /** Stored rows, deleted ones included (what VACUUM reads and Redshift's {@code tbl_rows} counts). */
    public static long storedRows(TableSnapshot table) {
        long rows = 0;
        for (int slice = 0; slice < table.sliceCount(); slice++) {
            for (RowGroup rowGroup : table.rowGroups(slice)) {
                rows += rowGroup.rowCount();
            }
        }
        return rows;
    }

    /**
     * Whether a block's values all sort at or after the previous block's: NULLs sort last, so a previous
     * block with NULLs is followed only by an all-NULL block.
     */
    private static boolean follows(BlockHeader previous, BlockHeader next) {
        if (previous.nullCount() > 0) {
            return next.nullCount() == next.rowCount();
        }
        return switch (previous.zoneMap()) {
            case ZoneMap.Empty p -> true;
            case ZoneMap.LongRange p when next.zoneMap() instanceof ZoneMap.LongRange n -> n.min() >= p.max();
            case ZoneMap.DoubleRange p when next.zoneMap() instanceof ZoneMap.DoubleRange n -> n.min() >= p.max();
            case ZoneMap.DecimalRange p when next.zoneMap() instanceof ZoneMap.DecimalRange n -> n.min().compareTo(p.max()) >= 0;
            case ZoneMap.BytesRange p when next.zoneMap() instanceof ZoneMap.BytesRange n ->
                    Arrays.compareUnsigned(n.min(), p.max()) >= 0;
            default -> next.zoneMap() instanceof ZoneMap.Empty;
        };
    }
}
