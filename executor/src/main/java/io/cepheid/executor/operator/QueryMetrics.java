package io.cepheid.executor.operator;

import io.cepheid.executor.fragment.PlanInputs;
import io.cepheid.executor.fragment.PlanSpec;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Runtime counters for every step of one query's plan, keyed by the spec object itself (two equal specs,
 * as in a self-join, are still two steps). Built before the query starts and read-only afterwards, so
 * slices look steps up without locking.
 */
public final class QueryMetrics {
    private final Map<PlanSpec, StepMetrics> steps = new IdentityHashMap<>();

    public QueryMetrics(PlanSpec plan) {
        register(plan);
    }

    private void register(PlanSpec spec) {
        steps.put(spec, new StepMetrics());
        for (PlanSpec child : PlanInputs.of(spec)) {
            register(child);
        }
    }

    /** The step's counters, or null for a spec that is not part of this plan. */
    public StepMetrics step(PlanSpec spec) {
        return steps.get(spec);
    }

    /** {@code operator} counting into the step of {@code spec}; unchanged when the spec is not in the plan. */
    Operator meter(PlanSpec spec, Operator operator) {
        StepMetrics step = steps.get(spec);
        return step == null ? operator : new MeteredOperator(operator, step);
    }
}
