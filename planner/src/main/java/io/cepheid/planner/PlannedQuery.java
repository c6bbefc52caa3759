package io.cepheid.planner;

import io.cepheid.executor.fragment.PlanSpec;
import io.cepheid.storage.type.SqlType;

import java.util.List;

/** A query ready to run: its executor plan and the names, types and nullability of its result columns. */
public record PlannedQuery(PlanSpec plan, List<String> columnNames, List<SqlType> columnTypes, List<Boolean> nullable) {
}
