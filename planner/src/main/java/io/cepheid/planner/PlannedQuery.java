package io.cepheid.planner;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/**
 * A query ready to run: its executor plan and the names, types and nullability of its result columns.
 * {@code columnNames} are the planner's (Calcite's {@code EXPR$n} for an unnamed expression, unique),
 * {@code labels} what clients see (PostgreSQL's names: {@code count}, {@code ?column?}; see
 * {@link ResultColumnNames}).
 */
public record PlannedQuery(PlanSpec plan, List<String> columnNames, List<SqlType> columnTypes, List<Boolean> nullable,
                           List<String> labels) {
}
