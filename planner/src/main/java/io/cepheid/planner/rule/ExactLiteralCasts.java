package io.cepheid.planner.rule;

import io.cepheid.executor.expression.ValueParser;
import io.cepheid.planner.validate.TypeMapping;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant folding that keeps a text literal's exact value when it is cast to DECIMAL, TIMESTAMP or TIME.
 * Calcite's own executor evaluates such casts with its Java runtime, which holds a timestamp in milliseconds
 * ({@code '2024-01-01 10:00:00.123456'::timestamp} would lose {@code 456}) and truncates extra decimal digits;
 * these casts are parsed here as the executor parses text at run time ({@link ValueParser}: microseconds,
 * DECIMAL rounded half away from zero). Every other constant goes to Calcite's executor, so folding stays on.
 * Text the executor would reject is left unfolded, to fail at run time with the executor's message.
 */
public final class ExactLiteralCasts implements RexExecutor {
    private final RexExecutor calcite = RexUtil.EXECUTOR;

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> folded = new ArrayList<>(constExps.size());
        List<RexNode> others = new ArrayList<>();
        for (RexNode expression : constExps) {
            RexNode exact = foldTextCast(rexBuilder, expression);
            folded.add(exact);
            if (exact == null) {
                others.add(expression);
            }
        }
        List<RexNode> othersReduced = new ArrayList<>();
        if (!others.isEmpty()) {
            calcite.reduce(rexBuilder, others, othersReduced);
        }
        int next = 0;
        for (RexNode exact : folded) {
            reducedValues.add(exact != null ? exact : othersReduced.get(next++));
        }
    }

    /** The literal {@code CAST('text' AS type)} folds to, or null when it is not such a cast. */
    private static RexNode foldTextCast(RexBuilder rexBuilder, RexNode expression) {
        if (!(expression instanceof RexCall call) || call.getKind() != SqlKind.CAST
                || !(call.getOperands().getFirst() instanceof RexLiteral literal) || literal.isNull()
                || !SqlTypeName.CHAR_TYPES.contains(literal.getTypeName())) {
            return null;
        }
        RelDataType type = call.getType();
        String text = literal.getValueAs(String.class);
        try {
            Comparable<?> value = switch (type.getSqlTypeName()) {
                case DECIMAL -> {
                    SqlType.DecimalType decimal = (SqlType.DecimalType) TypeMapping.toSqlType(type);
                    yield new BigDecimal(ValueParser.unscaled(ValueParser.parseNumber(text, decimal), decimal), decimal.scale());
                }
                case TIMESTAMP -> timestamp(ValueParser.parseLong(text, SqlType.TIMESTAMP));
                case TIME -> time(ValueParser.parseLong(text, SqlType.TIME));
                default -> null;
            };
            return value == null ? null : rexBuilder.makeLiteral(value, type, true);
        } catch (CepheidException e) {
            return expression;
        }
    }

    private static TimestampString timestamp(long micros) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return new TimestampString(time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(),
                time.getMinute(), time.getSecond()).withNanos(time.getNano());
    }

    private static TimeString time(long micros) {
        LocalTime time = LocalTime.ofNanoOfDay(micros * 1000);
        return new TimeString(time.getHour(), time.getMinute(), time.getSecond()).withNanos(time.getNano());
    }
}
