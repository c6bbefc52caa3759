package io.cepheid.executor.operator;

import io.cepheid.storage.catalog.CatalogSnapshot;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.DistStyle;
import io.cepheid.storage.catalog.SortStyle;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.encoding.BlockCodec;
import io.cepheid.storage.encoding.BlockHeader;
import io.cepheid.storage.encoding.Encoding;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.RowGroup;
import io.cepheid.storage.table.TableSnapshot;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-written in-memory catalog for operator tests: tables of RAW-encoded row groups per slice. */
class FakeCatalog implements CatalogSnapshot {
    private final Map<String, FakeTable> tables = new HashMap<>();

    /** Adds a table whose slice s holds {@code slices.get(s)}, cut into row groups of {@code rowGroupRows}. */
    FakeCatalog add(String name, List<SqlType> types, List<List<List<Object>>> slices, int rowGroupRows) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            columns.add(new ColumnDefinition("c" + c, types.get(c), true, Encoding.RAW, null));
        }
        TableDefinition definition = new TableDefinition("public", name, columns, DistStyle.EVEN,
                TableDefinition.NO_DIST_KEY, SortStyle.NONE, List.of(), List.of());
        List<List<RowGroup>> groups = new ArrayList<>();
        for (List<List<Object>> slice : slices) {
            List<RowGroup> sliceGroups = new ArrayList<>();
            for (int from = 0; from < slice.size(); from += rowGroupRows) {
                sliceGroups.add(FakeRowGroup.encode(types, slice.subList(from, Math.min(slice.size(), from + rowGroupRows))));
            }
            groups.add(sliceGroups);
        }
        tables.put(name, new FakeTable(definition, groups));
        return this;
    }

    @Override
    public long version() {
        return 1;
    }

    @Override
    public List<String> schemas() {
        return List.of("public");
    }

    @Override
    public List<TableDefinition> tables() {
        return tables.values().stream().map(FakeTable::definition).toList();
    }

    @Override
    public Optional<TableSnapshot> table(String schema, String name) {
        return "public".equals(schema) ? Optional.ofNullable(tables.get(name)) : Optional.empty();
    }

    record FakeTable(TableDefinition definition, List<List<RowGroup>> slices) implements TableSnapshot {
        @Override
        public int sliceCount() {
            return slices.size();
        }

        @Override
        public List<RowGroup> rowGroups(int slice) {
            return slices.get(slice);
        }

        @Override
        public long rowCount() {
            return slices.stream().flatMap(List::stream).mapToLong(RowGroup::rowCount).sum();
        }
    }

    /** A row group whose columns are blocks encoded by {@link BlockCodec} (RAW), decoded on demand. */
    record FakeRowGroup(List<SqlType> types, List<byte[]> blocks, int rowCount) implements RowGroup {
        static FakeRowGroup encode(List<SqlType> types, List<List<Object>> rows) {
            List<byte[]> blocks = new ArrayList<>();
            try (BufferAllocator allocator = BufferAllocator.unlimited("encode")) {
                ColumnVector[] full = new ColumnVector[types.size()];
                for (int c = 0; c < types.size(); c++) {
                    full[c] = ColumnVector.allocate(allocator, types.get(c), rows.size());
                }
                try (Batch all = new Batch(full, rows.size())) {
                    for (int c = 0; c < types.size(); c++) {
                        for (int r = 0; r < rows.size(); r++) {
                            ValuesOperator.set(full[c], types.get(c), r, rows.get(r).get(c));
                        }
                        blocks.add(BlockCodec.encode(types.get(c), Encoding.RAW, full[c], 0, rows.size()));
                    }
                }
            }
            return new FakeRowGroup(types, blocks, rows.size());
        }

        @Override
        public BlockHeader header(int column) {
            return BlockCodec.header(MemorySegment.ofArray(blocks.get(column)));
        }

        @Override
        public void decode(int column, ColumnVector out) {
            BlockCodec.decode(types.get(column), MemorySegment.ofArray(blocks.get(column)), out, 0);
        }

        @Override
        public long encodedBytes(int column) {
            return blocks.get(column).length;
        }
    }
}
