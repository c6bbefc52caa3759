package io.cepheid.planner.metadata;

import io.cepheid.planner.catalog.CepheidTable;
import io.cepheid.storage.catalog.ColumnStatistics;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.TableStatistics;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.Optional;

/**
 * Distinct values of a stored table's columns from its ANALYZE statistics, so that {@link JoinRowCount} can
 * size a join on non-key columns ({@code l_suppkey = s_suppkey}: lineitem rows × supplier rows / 10,000
 * suppliers) instead of falling back to a fixed guess. Several columns multiply their counts, capped by the
 * rows; a filter on the scan caps the count by the rows it keeps. Without statistics, declared keys still
 * answer (a key has as many distinct values as rows) and otherwise the count is unknown (null).
 */
public final class AnalyzedDistinctCounts implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
        return BuiltInMetadata.DistinctRowCount.DEF;
    }

    public Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq, ImmutableBitSet columns, RexNode predicate) {
        Double rows = mq.getRowCount(scan);
        if (rows == null) {
            return null;
        }
        double kept = rows * RelMdUtil.guessSelectivity(predicate);
        if (columns.isEmpty()) {
            return 1.0;
        }
        if (Boolean.TRUE.equals(mq.areColumnsUnique(scan, columns))) {
            return kept;
        }
        CepheidTable table = scan.getTable().unwrap(CepheidTable.class);
        Optional<TableStatistics> statistics = table == null ? Optional.empty() : table.snapshot().statistics();
        if (statistics.isEmpty()) {
            return null;
        }
        TableDefinition definition = table.definition();
        double product = 1;
        for (int column : columns) {
            if (column >= definition.columns().size()) {
                return null; // the hidden row id of a DML target: unique, but not a declared key
            }
            Optional<ColumnStatistics> analyzed = statistics.get().column(definition.columns().get(column).name());
            if (analyzed.isEmpty()) {
                return null;
            }
            product *= Math.max(1, analyzed.get().distinctValues());
        }
        return Math.min(product, kept);
    }
}
