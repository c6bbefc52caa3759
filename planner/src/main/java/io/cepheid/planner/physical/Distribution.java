package io.cepheid.planner.physical;

import io.cepheid.executor.expression.ExprSpec;
import io.cepheid.storage.table.TableSnapshot;

import java.util.List;

/**
 * How the rows of a per-slice subtree are spread over slices: by the hash of one output column (KEY),
 * a full copy read by slice 0 only (ALL), or no known placement (EVEN). Joins use it to run where the
 * data already is.
 */
record Distribution(Kind kind, int keyColumn) {
    enum Kind {
        KEY, ALL, EVEN
    }

    static final Distribution EVEN = new Distribution(Kind.EVEN, -1);
    static final Distribution ALL = new Distribution(Kind.ALL, -1);

    /** Rows hashed on output column {@code column}. */
    static Distribution key(int column) {
        return new Distribution(Kind.KEY, column);
    }

    boolean isKeyOn(int column) {
        return kind == Kind.KEY && keyColumn == column;
    }

    /** The distribution of a scan reading {@code columns} (table column indexes, in output order). */
    static Distribution of(TableSnapshot table, List<Integer> columns) {
        if (table.replicated()) {
            return ALL;
        }
        return switch (table.storedDistStyle()) {
            case KEY -> {
                int position = columns.indexOf(table.definition().distKey());
                yield position < 0 ? EVEN : new Distribution(Kind.KEY, position);
            }
            case ALL -> ALL;
            case EVEN, AUTO -> EVEN;
        };
    }

    /** The distribution after a projection: a KEY column survives only as a bare column reference. */
    Distribution through(List<ExprSpec> expressions) {
        if (kind != Kind.KEY) {
            return this;
        }
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) instanceof ExprSpec.InputRef ref && ref.index() == keyColumn) {
                return new Distribution(Kind.KEY, i);
            }
        }
        return EVEN;
    }
}
