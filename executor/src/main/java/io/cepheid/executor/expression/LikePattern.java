package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A compiled LIKE pattern matched against UTF-8 bytes: {@code %} matches any run of characters, {@code _}
 * exactly one character, the escape character (backslash unless given; empty for none) makes the next
 * character literal. Matching is the classic greedy scan that backtracks only to the last {@code %}.
 */
public final class LikePattern {
    private static final int ANY_ONE = -1;
    private static final int ANY_MANY = -2;

    private final int[] tokens;

    private LikePattern(int[] tokens) {
        this.tokens = tokens;
    }

    /** Compiles {@code pattern}; {@code escape} null means backslash, empty means no escape character. */
    public static LikePattern compile(String pattern, String escape, boolean caseInsensitive) {
        if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid escape string: must be empty or one character");
        }
        int escapeChar = escape == null ? '\\' : escape.isEmpty() ? -1 : escape.codePointAt(0);
        String text = caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern;
        int[] tokens = new int[text.length() * 4];
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == escapeChar) {
                if (i >= text.length()) {
                    throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "LIKE pattern must not end with escape character");
                }
                codePoint = text.codePointAt(i);
                i += Character.charCount(codePoint);
            } else if (codePoint == '%') {
                if (count == 0 || tokens[count - 1] != ANY_MANY) {
                    tokens[count++] = ANY_MANY;
                }
                continue;
            } else if (codePoint == '_') {
                tokens[count++] = ANY_ONE;
                continue;
            }
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                tokens[count++] = b & 0xFF;
            }
        }
        return new LikePattern(Arrays.copyOf(tokens, count));
    }

    /** True when bytes {@code [0, length)} of {@code value} match the whole pattern. */
    public boolean matches(byte[] value, int length) {
        int s = 0;
        int p = 0;
        int starPattern = -1;
        int starValue = 0;
        while (s < length) {
            if (p < tokens.length && tokens[p] == ANY_MANY) {
                starPattern = p++;
                starValue = s;
            } else if (p < tokens.length && tokens[p] == ANY_ONE) {
                s += characterLength(value[s]);
                p++;
            } else if (p < tokens.length && tokens[p] == (value[s] & 0xFF)) {
                s++;
                p++;
            } else if (starPattern >= 0) {
                p = starPattern + 1;
                starValue += characterLength(value[starValue]);
                s = starValue;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_MANY) {
            p++;
        }
        return p == tokens.length && s == length;
    }

    private static int characterLength(byte lead) {
        int b = lead & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xF0) {
            return 4;
        }
        return b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
}
