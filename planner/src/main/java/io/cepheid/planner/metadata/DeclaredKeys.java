package io.cepheid.planner.metadata;

import io.cepheid.planner.catalog.CepheidTable;
import io.cepheid.storage.catalog.TableDefinition;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column uniqueness of a stored table's scan from its declared PRIMARY KEY and UNIQUE constraints, so that
 * join estimates know {@code o_orderkey} is a key of {@code orders} but {@code c_nationkey} is not one of
 * {@code customer}. As in Redshift the constraints are informational: the planner trusts them for
 * estimates only, so a violated one can cost speed, never correctness.
 */
public final class DeclaredKeys implements MetadataHandler<BuiltInMetadata.ColumnUniqueness> {
    /** {@code [CONSTRAINT name] PRIMARY KEY (a, b)} or {@code UNIQUE (a)}, as TableDefinitions stores them. */
    private static final Pattern KEY = Pattern.compile(
            "^(?:CONSTRAINT\\s+\\S+\\s+)?(?:PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    @Override
    public MetadataDef<BuiltInMetadata.ColumnUniqueness> getDef() {
        return BuiltInMetadata.ColumnUniqueness.DEF;
    }

    /** True when {@code columns} contain a declared key; otherwise what the table's statistics say. */
    public Boolean areColumnsUnique(TableScan scan, RelMetadataQuery mq, ImmutableBitSet columns, boolean ignoreNulls) {
        CepheidTable table = scan.getTable().unwrap(CepheidTable.class);
        if (table != null) {
            for (ImmutableBitSet key : keys(table.definition())) {
                if (columns.contains(key)) {
                    return true;
                }
            }
        }
        return scan.getTable().isKey(columns);
    }

    /** Each declared key as column positions; constraints naming an unknown column are skipped. */
    public static List<ImmutableBitSet> keys(TableDefinition definition) {
        List<ImmutableBitSet> keys = new ArrayList<>();
        for (String constraint : definition.constraints()) {
            Matcher matcher = KEY.matcher(constraint.strip());
            if (!matcher.find()) {
                continue;
            }
            ImmutableBitSet.Builder key = ImmutableBitSet.builder();
            boolean known = true;
            for (String column : matcher.group(1).split(",")) {
                int index = columnIndex(definition, column.strip());
                known &= index >= 0;
                if (index >= 0) {
                    key.set(index);
                }
            }
            if (known) {
                keys.add(key.build());
            }
        }
        return keys;
    }

    private static int columnIndex(TableDefinition definition, String column) {
        String name = column.startsWith("\"") && column.endsWith("\"") && column.length() > 1
                ? column.substring(1, column.length() - 1).replace("\"\"", "\"")
                : column;
        int index = definition.columnIndex(name);
        return index >= 0 ? index : definition.columnIndex(name.toLowerCase(Locale.ROOT));
    }
}
