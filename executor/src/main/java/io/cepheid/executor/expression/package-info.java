/**
 * Vectorized evaluation of {@link io.cepheid.executor.expression.ExprSpec} trees: compiled once per operator
 * into {@link io.cepheid.executor.expression.Evaluator}s that turn a batch's selected rows into a dense result
 * vector with SQL's three-valued logic, and {@link io.cepheid.executor.expression.FilterPredicate}, which runs
 * {@code column <op> literal} conjuncts through the selection kernels and narrows a batch's selection.
 */
package io.cepheid.executor.expression;
