package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.type.SqlType;
import io.cepheid.storage.vector.Batch;
import io.cepheid.storage.vector.ColumnVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, TRIM, LTRIM and RTRIM. Work is on UTF-8 bytes where that is
 * exact (ASCII case mapping, blank trimming, character counting) and falls back to Java strings otherwise.
 */
final class StringFunctionEvaluator implements Evaluator {
    private final Function function;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;
    private byte[] scratch = new byte[256];

    StringFunctionEvaluator(Function function, List<Evaluator> arguments, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
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
                if (anyNull(values, i)) {
                    out.setNull(i);
                } else {
                    computeRow(values, i, out);
                }
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

    private static boolean anyNull(ColumnVector[] values, int row) {
        for (ColumnVector value : values) {
            if (value.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private void computeRow(ColumnVector[] values, int i, ColumnVector out) {
        ColumnVector first = values[0];
        MemorySegment data = first.data();
        int start = data == null ? 0 : first.getOffset(i);
        int length = data == null ? 0 : first.getByteLength(i);
        switch (function) {
            case CONCAT -> {
                int total = 0;
                for (ColumnVector value : values) {
                    total += value.getByteLength(i);
                }
                ensureScratch(total);
                int at = 0;
                for (ColumnVector value : values) {
                    int partLength = value.getByteLength(i);
                    MemorySegment.copy(value.data(), ValueLayout.JAVA_BYTE, value.getOffset(i), scratch, at, partLength);
                    at += partLength;
                }
                out.setBytes(i, scratch, 0, total);
            }
            case UPPER, LOWER -> changeCase(data, start, length, i, out, function == Function.UPPER);
            case CHAR_LENGTH -> {
                int counted = first.type() instanceof SqlType.CharType ? Utf8.lengthWithoutTrailingBlanks(data, start, length) : length;
                out.setLongValue(i, Utf8.characterCount(data, start, counted));
            }
            case TRIM, LTRIM, RTRIM -> trim(values, data, start, length, i, out);
            case SUBSTRING -> substring(values, i, out);
            default -> throw new IllegalStateException(function + " is not a string function");
        }
    }

    private void changeCase(MemorySegment data, int start, int length, int row, ColumnVector out, boolean upper) {
        ensureScratch(length);
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, start, scratch, 0, length);
        for (int j = 0; j < length; j++) {
            byte b = scratch[j];
            if (b < 0) {
                String text = new String(scratch, 0, length, StandardCharsets.UTF_8);
                out.setString(row, upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT));
                return;
            }
            if (upper && b >= 'a' && b <= 'z') {
                scratch[j] = (byte) (b - 32);
            } else if (!upper && b >= 'A' && b <= 'Z') {
                scratch[j] = (byte) (b + 32);
            }
        }
        out.setBytes(row, scratch, 0, length);
    }

    private void trim(ColumnVector[] values, MemorySegment data, int start, int length, int row, ColumnVector out) {
        boolean leading = function != Function.RTRIM;
        boolean trailing = function != Function.LTRIM;
        if (values.length > 1) {
            String characters = values[1].getString(row);
            String text = values[0].getString(row);
            int from = 0;
            int to = text.length();
            while (leading && from < to && characters.indexOf(text.codePointAt(from)) >= 0) {
                from += Character.charCount(text.codePointAt(from));
            }
            while (trailing && to > from && characters.indexOf(text.codePointBefore(to)) >= 0) {
                to -= Character.charCount(text.codePointBefore(to));
            }
            out.setString(row, text.substring(from, to));
            return;
        }
        int from = 0;
        int to = length;
        while (leading && from < to && data.get(ValueLayout.JAVA_BYTE, start + from) == ' ') {
            from++;
        }
        while (trailing && to > from && data.get(ValueLayout.JAVA_BYTE, start + to - 1) == ' ') {
            to--;
        }
        out.setBytes(row, data, start + from, to - from);
    }

    /** SQL SUBSTRING(s FROM start FOR count), in characters: positions before 1 shorten the result. */
    private void substring(ColumnVector[] values, int row, ColumnVector out) {
        ColumnVector value = values[0];
        long startPosition = values[1].getLongValue(row);
        long end = Long.MAX_VALUE;
        if (values.length > 2) {
            long count = values[2].getLongValue(row);
            if (count < 0) {
                throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "negative substring length not allowed");
            }
            end = startPosition + count;
        }
        long first = Math.max(startPosition, 1);
        MemorySegment data = value.data();
        int offset = value.getOffset(row);
        int length = value.getByteLength(row);
        int byteStart = -1;
        int byteEnd = length;
        long character = 0;
        for (int j = 0; j < length; j++) {
            if ((data.get(ValueLayout.JAVA_BYTE, offset + j) & 0xC0) != 0x80) {
                character++;
                if (character == first) {
                    byteStart = j;
                }
                if (character == end) {
                    byteEnd = j;
                    break;
                }
            }
        }
        if (byteStart < 0 || end <= first) {
            out.setBytes(row, scratch, 0, 0);
        } else {
            out.setBytes(row, data, offset + byteStart, byteEnd - byteStart);
        }
    }

    private void ensureScratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
    }
}
