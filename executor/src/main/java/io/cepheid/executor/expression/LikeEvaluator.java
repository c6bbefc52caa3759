package io.cepheid.executor.expression;

import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** LIKE and ILIKE. A literal pattern (the usual case) is compiled once, when the evaluator is built. */
final class LikeEvaluator implements Evaluator {
    private final Evaluator value;
    private final Evaluator pattern;
    private final Evaluator escape;
    private final boolean caseInsensitive;
    private final LikePattern compiled;
    private final BufferAllocator allocator;
    private byte[] scratch = new byte[64];

    LikeEvaluator(Evaluator value, Evaluator pattern, Evaluator escape, boolean caseInsensitive, BufferAllocator allocator) {
        this.value = value;
        this.pattern = pattern;
        this.escape = escape;
        this.caseInsensitive = caseInsensitive;
        this.allocator = allocator;
        this.compiled = literalPattern();
    }

    private LikePattern literalPattern() {
        if (!(pattern instanceof LiteralEvaluator p) || p.value() == null) {
            return null;
        }
        if (escape == null) {
            return LikePattern.compile(p.value().toString(), null, caseInsensitive);
        }
        if (escape instanceof LiteralEvaluator e && e.value() != null) {
            return LikePattern.compile(p.value().toString(), e.value().toString(), caseInsensitive);
        }
        return null;
    }

    @Override
    public SqlType type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public ColumnVector evaluate(Batch input) {
        int n = input.size();
        ColumnVector values = value.evaluate(input);
        ColumnVector patterns = null;
        ColumnVector escapes = null;
        ColumnVector out = null;
        try {
            if (compiled == null) {
                patterns = pattern.evaluate(input);
                escapes = escape == null ? null : escape.evaluate(input);
            }
            out = ColumnVector.allocate(allocator, SqlType.BOOLEAN, n);
            MemorySegment result = out.values();
            for (int i = 0; i < n; i++) {
                if (values.isNull(i) || patterns != null && patterns.isNull(i) || escapes != null && escapes.isNull(i)) {
                    out.setNull(i);
                    continue;
                }
                LikePattern rowPattern = compiled != null ? compiled : LikePattern.compile(patterns.getString(i),
                        escapes == null ? null : escapes.getString(i), caseInsensitive);
                int length = load(values, i);
                result.set(ValueLayout.JAVA_BYTE, i, rowPattern.matches(scratch, length) ? (byte) 1 : 0);
            }
            ColumnVector done = out;
            out = null;
            return done;
        } finally {
            values.close();
            if (patterns != null) {
                patterns.close();
            }
            if (escapes != null) {
                escapes.close();
            }
            if (out != null) {
                out.close();
            }
        }
    }

    /** Copies row i's bytes into the scratch buffer (lower-cased for ILIKE) and returns their length. */
    private int load(ColumnVector values, int i) {
        int start = values.getOffset(i);
        int length = values.getByteLength(i);
        if (values.type() instanceof SqlType.CharType) {
            length = Utf8.lengthWithoutTrailingBlanks(values.data(), start, length);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        MemorySegment.copy(values.data(), ValueLayout.JAVA_BYTE, start, scratch, 0, length);
        if (!caseInsensitive) {
            return length;
        }
        boolean ascii = true;
        for (int j = 0; j < length; j++) {
            byte b = scratch[j];
            if (b < 0) {
                ascii = false;
                break;
            }
            if (b >= 'A' && b <= 'Z') {
                scratch[j] = (byte) (b + ('a' - 'A'));
            }
        }
        if (ascii) {
            return length;
        }
        byte[] lower = new String(scratch, 0, length, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (scratch.length < lower.length) {
            scratch = new byte[lower.length];
        }
        System.arraycopy(lower, 0, scratch, 0, lower.length);
        return lower.length;
    }
}
