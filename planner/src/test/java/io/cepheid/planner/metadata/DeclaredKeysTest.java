package io.cepheid.planner.metadata;

import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeclaredKeysTest {
    private static TableDefinition table(String... constraints) {
        List<ColumnDefinition> columns = List.of(
                new ColumnDefinition("l_orderkey", SqlType.BIGINT, false, Encoding.AUTO, null),
                new ColumnDefinition("l_suppkey", SqlType.INTEGER, false, Encoding.AUTO, null),
                new ColumnDefinition("l_linenumber", SqlType.INTEGER, false, Encoding.AUTO, null));
        return new TableDefinition("public", "lineitem", columns, DistStyle.EVEN, TableDefinition.NO_DIST_KEY,
                SortStyle.NONE, List.of(), List.of(constraints));
    }

    @Test
    void primaryKeyAndUniqueConstraintsBecomeKeys() {
        assertEquals(List.of(ImmutableBitSet.of(0, 2), ImmutableBitSet.of(1)),
                DeclaredKeys.keys(table("PRIMARY KEY (\"l_orderkey\", \"l_linenumber\")", "CONSTRAINT u UNIQUE (L_SUPPKEY)")));
    }

    @Test
    void foreignKeysAndUnknownColumnsAreNotKeys() {
        assertEquals(List.of(), DeclaredKeys.keys(table(
                "FOREIGN KEY (l_suppkey) REFERENCES supplier (s_suppkey)", "PRIMARY KEY (l_orderkey, l_missing)")));
    }
}
