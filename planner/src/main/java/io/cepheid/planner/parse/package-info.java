/**
 * Parsing: SQL text to Calcite {@code SqlNode}s, with Redshift's statements added to Calcite's
 * grammar through its templates ({@code planner/src/main/codegen}: {@code config.fmpp} and
 * {@code includes/parserImpls.ftl}, expanded by FMPP and compiled by JavaCC at build time into
 * {@code io.cepheid.planner.parse.generated.CepheidSqlParserImpl}).
 *
 * <p>Receives SQL strings; emits Calcite nodes plus this package's statement nodes
 * ({@link io.cepheid.planner.parse.SqlCreateTable}, {@link io.cepheid.planner.parse.SqlCopy}, ...).
 * Knows nothing of catalogs, validation or execution: a name that does not exist, or a COPY
 * option combination that makes no sense, parses fine and is the validator's to reject.
 * Entry point: {@link io.cepheid.planner.parse.CepheidParser}.
 */
package io.cepheid.planner.parse;
