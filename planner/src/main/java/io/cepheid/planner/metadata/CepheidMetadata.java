package io.cepheid.planner.metadata;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

import java.util.List;

/**
 * The metadata Cepheid's optimizer reads: Calcite's defaults, overridden where Cepheid knows better
 * (declared keys of stored tables, distinct counts from ANALYZE, equi-join row counts from key distinct
 * counts).
 */
public final class CepheidMetadata {
    private static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
            ReflectiveRelMetadataProvider.reflectiveSource(new DeclaredKeys(), BuiltInMetadata.ColumnUniqueness.Handler.class),
            ReflectiveRelMetadataProvider.reflectiveSource(new JoinRowCount(), BuiltInMetadata.RowCount.Handler.class),
            ReflectiveRelMetadataProvider.reflectiveSource(new AnalyzedDistinctCounts(),
                    BuiltInMetadata.DistinctRowCount.Handler.class),
            DefaultRelMetadataProvider.INSTANCE));
    /** Built once: Janino compiles the handler dispatch, which takes a while, and caches it per provider. */
    private static final JaninoRelMetadataProvider HANDLERS = JaninoRelMetadataProvider.of(PROVIDER);

    private CepheidMetadata() {
    }

    /** Makes {@code cluster}'s metadata queries use Cepheid's handlers. */
    public static void install(RelOptCluster cluster) {
        cluster.setMetadataProvider(PROVIDER);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    }
}
