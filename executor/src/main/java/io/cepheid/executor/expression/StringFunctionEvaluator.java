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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The string functions: CONCAT, UPPER, LOWER, SUBSTRING, CHAR_LENGTH, TRIM, LTRIM, RTRIM, and the
 * character-level ones of {@link Utf8Text} (POSITION, LEFT, RIGHT, LPAD, RPAD, REPLACE, TRANSLATE, REVERSE,
 * REPEAT, SPLIT_PART, INITCAP), OCTET_LENGTH, ASCII, CHR, MD5, QUOTE_IDENT and QUOTE_LITERAL. Work is on
 * UTF-8 bytes where that is exact (ASCII case mapping, blank trimming, character counting) and falls back
 * to Java strings otherwise (non-ASCII case mapping, trimming a character set).
 */
final class StringFunctionEvaluator implements Evaluator {
    /** REPEAT's and the pads' limit: Redshift's largest VARCHAR. */
    private static final long MAX_RESULT_BYTES = 65535;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Function function;
    private final List<Evaluator> arguments;
    private final SqlType type;
    private final BufferAllocator allocator;
    private byte[] scratch = new byte[256];
    /** Row bytes of each argument, copied for the {@link Utf8Text} routines; reused across rows. */
    private final byte[][] argumentBytes;
    private final Utf8Text.Output output = new Utf8Text.Output();
    private final MessageDigest md5;

    StringFunctionEvaluator(Function function, List<Evaluator> arguments, SqlType type, BufferAllocator allocator) {
        this.function = function;
        this.arguments = arguments;
        this.type = type;
        this.allocator = allocator;
        this.argumentBytes = new byte[arguments.size()][64];
        this.md5 = function == Function.MD5 ? newMd5() : null;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
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
            case OCTET_LENGTH -> out.setLongValue(i, first.type() instanceof SqlType.CharType
                    ? Utf8.lengthWithoutTrailingBlanks(data, start, length) : length);
            case POSITION -> {
                int needle = load(values, 1, i);
                out.setLongValue(i, Utf8Text.position(argumentBytes[0], load(values, 0, i), argumentBytes[1], needle));
            }
            case ASCII -> {
                int size = load(values, 0, i);
                out.setLongValue(i, size == 0 ? 0 : Utf8Text.codePointAt(argumentBytes[0], 0));
            }
            case CHR -> chr(values[0].getLongValue(i), i, out);
            case MD5 -> md5(values, i, out);
            case LEFT, RIGHT, LPAD, RPAD, REPLACE, TRANSLATE, REVERSE, REPEAT, SPLIT_PART, INITCAP, QUOTE_IDENT,
                 QUOTE_LITERAL -> {
                output.clear();
                edit(values, i);
                out.setBytes(i, output.bytes, 0, output.length);
            }
            default -> throw new IllegalStateException(function + " is not a string function");
        }
    }

    /** The functions that build a new string in {@link #output}. */
    private void edit(ColumnVector[] values, int row) {
        byte[][] bytes = argumentBytes;
        int length = load(values, 0, row);
        switch (function) {
            case LEFT, RIGHT -> Utf8Text.leftOrRight(bytes[0], length, values[1].getLongValue(row),
                    function == Function.LEFT, output);
            case LPAD, RPAD -> {
                long target = values[1].getLongValue(row);
                if (target > MAX_RESULT_BYTES) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                            function + " length " + target + " exceeds " + MAX_RESULT_BYTES);
                }
                int fill = load(values, 2, row);
                Utf8Text.pad(bytes[0], length, target, bytes[2], fill, function == Function.LPAD, output);
            }
            case REPLACE, TRANSLATE -> {
                int from = load(values, 1, row);
                int to = load(values, 2, row);
                if (function == Function.REPLACE) {
                    Utf8Text.replace(bytes[0], length, bytes[1], from, bytes[2], to, output);
                } else {
                    Utf8Text.translate(bytes[0], length, bytes[1], from, bytes[2], to, output);
                }
            }
            case REVERSE -> Utf8Text.reverse(bytes[0], length, output);
            case REPEAT -> {
                long times = values[1].getLongValue(row);
                if (length > 0 && times > MAX_RESULT_BYTES / length) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "REPEAT result would exceed " + MAX_RESULT_BYTES + " bytes");
                }
                for (long t = 0; t < times; t++) {
                    output.append(bytes[0], 0, length);
                }
            }
            case SPLIT_PART -> {
                long field = values[2].getLongValue(row);
                if (field < 1) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "field position must be greater than zero");
                }
                Utf8Text.splitPart(bytes[0], length, bytes[1], load(values, 1, row), field, output);
            }
            case INITCAP -> Utf8Text.initcap(bytes[0], length, output);
            case QUOTE_IDENT, QUOTE_LITERAL -> {
                byte quote = (byte) (function == Function.QUOTE_IDENT ? '"' : '\'');
                output.append(quote);
                for (int j = 0; j < length; j++) {
                    if (bytes[0][j] == quote) {
                        output.append(quote);
                    }
                    output.append(bytes[0][j]);
                }
                output.append(quote);
            }
            default -> throw new IllegalStateException(function + " does not build a string");
        }
    }

    /** Copies argument {@code index}'s bytes at {@code row} into its scratch array and returns their length. */
    private int load(ColumnVector[] values, int index, int row) {
        ColumnVector value = values[index];
        int length = value.getByteLength(row);
        if (argumentBytes[index].length < length) {
            argumentBytes[index] = new byte[Math.max(length, argumentBytes[index].length * 2)];
        }
        MemorySegment.copy(value.data(), ValueLayout.JAVA_BYTE, value.getOffset(row), argumentBytes[index], 0, length);
        return length;
    }

    private void chr(long codePoint, int row, ColumnVector out) {
        if (codePoint < 1 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "requested character " + codePoint + " is not a valid character");
        }
        ensureScratch(4);
        out.setBytes(row, scratch, 0, Utf8Text.encode((int) codePoint, scratch, 0));
    }

    private void md5(ColumnVector[] values, int row, ColumnVector out) {
        int length = load(values, 0, row);
        md5.update(argumentBytes[0], 0, length);
        ensureScratch(48);
        try {
            md5.digest(scratch, 32, 16);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        for (int j = 0; j < 16; j++) {
            int b = scratch[32 + j] & 0xFF;
            scratch[2 * j] = HEX[b >> 4];
            scratch[2 * j + 1] = HEX[b & 0xF];
        }
        out.setBytes(row, scratch, 0, 32);
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
                throw new CepheidException(ErrorCode.SUBSTRING_ERROR, "negative substring length not allowed");
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
