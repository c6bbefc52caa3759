package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression functions: the POSIX operators ({@code ~}, {@code ~*}), SIMILAR TO, REGEXP_SUBSTR,
 * REGEXP_COUNT, REGEXP_INSTR and REGEXP_REPLACE, with the argument layout of {@link Function} (the planner
 * fills in defaults). A literal pattern is compiled once, when the evaluator is built; a pattern that varies
 * by row is compiled when it differs from the previous row's. Values are matched as Java strings, one per
 * row: java.util.regex works on chars, and positions are converted to characters (code points).
 */
final class RegexEvaluator implements Evaluator {
    private final Function function;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;
    /** Argument holding the flags (parameters, or SIMILAR TO's escape), or -1 when there is none. */
    private final int flagsIndex;
    private Pattern pattern;
    private int groupCount;
    private String patternText;
    private String flagsText;
    private RegexPatterns.Parameters parameters = new RegexPatterns.Parameters(false, false);

    RegexEvaluator(Function function, List<Evaluator> arguments, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
        this.flagsIndex = switch (function) {
            case REGEXP_MATCH, SIMILAR_TO -> arguments.size() > 2 ? 2 : -1;
            case REGEXP_COUNT, REGEXP_SUBSTR, REGEXP_REPLACE -> arguments.size() - 1;
            case REGEXP_INSTR -> 5;
            default -> throw new IllegalArgumentException(function + " is not a regular-expression function");
        };
        if (arguments.get(1) instanceof LiteralEvaluator literalPattern && literalPattern.value() != null
                && (flagsIndex < 0 || arguments.get(flagsIndex) instanceof LiteralEvaluator literalFlags && literalFlags.value() != null)) {
            String flags = flagsIndex < 0 ? null : ((LiteralEvaluator) arguments.get(flagsIndex)).value().toString();
            prepare(literalPattern.value().toString(), flags);
        }
    }

    @Override
    public SqlType type() {
        return type;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector[] values = new ColumnVector[arguments.size()];
        ColumnVector out = null;
        try {
            for (int a = 0; a < values.length; a++) {
                values[a] = arguments.get(a).evaluate(input);
            }
            out = ColumnVector.allocate(allocator, type, n);
            for (int i = 0; i < n; i++) {
                if (Vectors.anyNull(values, i)) {
                    out.setNull(i);
                    continue;
                }
                prepare(values[1].getString(i), flagsIndex < 0 ? null : values[flagsIndex].getString(i));
                computeRow(values, i, out);
            }
            ColumnVector done = out;
            out = null;
            return done;
        } finally {
            for (ColumnVector value : values) {
                if (value != null) {
                    value.close();
                }
            }
            if (out != null) {
                out.close();
            }
        }
    }

    /** Compiles the pattern unless it is the one compiled last. */
    private void prepare(String text, String flags) {
        if (pattern != null && text.equals(patternText) && Objects.equals(flags, flagsText)) {
            return;
        }
        if (function == Function.SIMILAR_TO) {
            pattern = RegexPatterns.similarTo(text, flags);
        } else {
            parameters = RegexPatterns.Parameters.parse(flags == null ? "c" : flags);
            pattern = RegexPatterns.posix(text, parameters.caseInsensitive());
        }
        groupCount = pattern.matcher("").groupCount();
        patternText = text;
        flagsText = flags;
    }

    private void computeRow(ColumnVector[] values, int row, ColumnVector out) {
        String text = values[0].getString(row);
        Matcher matcher = pattern.matcher(text);
        switch (function) {
            case REGEXP_MATCH -> setBoolean(out, row, matcher.find());
            case SIMILAR_TO -> setBoolean(out, row, matcher.matches());
            case REGEXP_COUNT -> {
                int count = 0;
                int from = start(text, values[2].getLongValue(row));
                if (from >= 0 && matcher.find(from)) {
                    do {
                        count++;
                    } while (matcher.find());
                }
                out.setLongValue(row, count);
            }
            case REGEXP_SUBSTR -> {
                long occurrence = values[3].getLongValue(row);
                if (occurrence < 1) {
                    out.setNull(row);
                } else if (find(matcher, start(text, values[2].getLongValue(row)), occurrence)) {
                    int group = group();
                    out.setString(row, matcher.group(group) == null ? "" : matcher.group(group));
                } else {
                    out.setString(row, "");
                }
            }
            case REGEXP_INSTR -> {
                long occurrence = values[3].getLongValue(row);
                long option = values[4].getLongValue(row);
                if (option != 0 && option != 1) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "REGEXP_INSTR option must be 0 or 1, not " + option);
                }
                int position = 0;
                if (occurrence >= 1 && find(matcher, start(text, values[2].getLongValue(row)), occurrence)) {
                    int group = group();
                    int at = option == 0 ? matcher.start(group) : matcher.end(group);
                    position = at < 0 ? 0 : text.codePointCount(0, at) + 1;
                }
                out.setLongValue(row, position);
            }
            case REGEXP_REPLACE -> out.setString(row, replace(text, matcher, values, row));
            default -> throw new IllegalStateException(function + " is not a regular-expression function");
        }
    }

    private String replace(String text, Matcher matcher, ColumnVector[] values, int row) {
        int from = start(text, values[3].getLongValue(row));
        if (from < 0 || !matcher.find(from)) {
            return text;
        }
        String replacement = RegexPatterns.replacement(values[2].getString(row));
        StringBuilder result = new StringBuilder(text.length() + 16);
        // The text before the region is copied by the first appendReplacement; ^ still means the value's start.
        matcher.region(from, text.length()).useAnchoringBounds(false).useTransparentBounds(true);
        try {
            while (matcher.find()) {
                matcher.appendReplacement(result, replacement);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid REGEXP_REPLACE replacement '" + values[2].getString(row) + "': " + e.getMessage());
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Group to report: the first subexpression under the 'e' parameter when the pattern has one, else the match. */
    private int group() {
        return parameters.extractGroup() && groupCount > 0 ? 1 : 0;
    }

    /** Finds the {@code occurrence}-th match at or after char index {@code from} (-1: past the end). */
    private static boolean find(Matcher matcher, int from, long occurrence) {
        if (from < 0 || !matcher.find(from)) {
            return false;
        }
        for (long k = 1; k < occurrence; k++) {
            if (!matcher.find()) {
                return false;
            }
        }
        return true;
    }

    /** The char index of 1-based character {@code position} (below 1: the start), or -1 past the end. */
    private static int start(String text, long position) {
        if (position <= 1) {
            return 0;
        }
        int codePoints = text.codePointCount(0, text.length());
        return position > codePoints ? -1 : text.offsetByCodePoints(0, (int) (position - 1));
    }

    private static void setBoolean(ColumnVector out, int row, boolean value) {
        out.values().set(ValueLayout.JAVA_BYTE, row, value ? (byte) 1 : 0);
    }
}
