package io.cepheid.sqltest;

import io.cepheid.sqltest.SltRecord.SortMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value rules of sqllogictest: rendering per column type (I, R, T), strcmp sorting by row or by value,
 * and the MD5 hash of {@code value + "\n"} that stands in for large results.
 */
final class SltValues {
    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";
    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern LEADING_REAL = Pattern.compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    /** {@code 30 values hashing to 3c13dee48d9356ae19af2515e05e6b54}. */
    static final Pattern HASH_LINE = Pattern.compile("^(\\d+) values hashing to ([0-9a-f]{32})$");

    private SltValues() {
    }

    /**
     * Renders one value of an {@code I}, {@code R} or {@code T} column as the reference runner prints it.
     * {@code value} is what JDBC's getObject returned; {@code text} is getString of the same value, used for T.
     */
    static String render(Object value, String text, char type) {
        if (value == null) {
            return NULL;
        }
        return switch (type) {
            case 'I' -> integerOf(value);
            case 'R' -> realOf(value);
            case 'T' -> textOf(text == null ? String.valueOf(value) : text);
            default -> throw new IllegalArgumentException("unknown column type " + type);
        };
    }

    /** {@code printf("%d")} of the value converted to integer: reals truncate toward zero, text takes its leading digits. */
    static String integerOf(Object value) {
        return switch (value) {
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Short s -> Short.toString(s);
            case Byte b -> Byte.toString(b);
            case BigDecimal d -> d.setScale(0, RoundingMode.DOWN).toBigInteger().toString();
            case Double d -> Long.toString(d.longValue());
            case Float f -> Long.toString(f.longValue());
            case Boolean b -> b ? "1" : "0";
            default -> leadingInteger(value.toString());
        };
    }

    private static String leadingInteger(String text) {
        Matcher matcher = LEADING_INTEGER.matcher(text);
        if (!matcher.find()) {
            return "0";
        }
        String digits = matcher.group(1);
        return new BigDecimal(digits.startsWith("+") ? digits.substring(1) : digits).toBigInteger().toString();
    }

    /** {@code printf("%.3f")}: {@code 10.000}, {@code -3.500}. */
    static String realOf(Object value) {
        return switch (value) {
            case BigDecimal d -> d.setScale(3, RoundingMode.HALF_UP).toPlainString();
            case Number n -> String.format(Locale.ROOT, "%.3f", n.doubleValue());
            case Boolean b -> b ? "1.000" : "0.000";
            default -> {
                Matcher matcher = LEADING_REAL.matcher(value.toString());
                yield String.format(Locale.ROOT, "%.3f", matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0);
            }
        };
    }

    /** {@code (empty)} for the empty string, else the text with every UTF-8 byte outside 0x20..0x7E replaced by {@code @}. */
    static String textOf(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder rendered = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            rendered.append(unsigned < 0x20 || unsigned > 0x7E ? '@' : (char) unsigned);
        }
        return rendered.toString();
    }

    /** The values in the order the sort mode asks for; rows are {@code width} values wide. */
    static List<String> sorted(List<String> values, SortMode mode, int width) {
        return switch (mode) {
            case NOSORT -> values;
            case VALUESORT -> values.stream().sorted(SltValues::strcmp).toList();
            case ROWSORT -> {
                if (width <= 0 || values.size() % width != 0) {
                    yield values; // a shape mismatch is reported by the comparison, not hidden by sorting
                }
                List<List<String>> rows = new ArrayList<>();
                for (int start = 0; start < values.size(); start += width) {
                    rows.add(values.subList(start, start + width));
                }
                rows.sort(ROW_ORDER);
                yield rows.stream().flatMap(List::stream).toList();
            }
        };
    }

    private static final Comparator<List<String>> ROW_ORDER = (left, right) -> {
        for (int i = 0; i < left.size(); i++) {
            int order = strcmp(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    /** C's strcmp on the UTF-8 bytes: unsigned byte order, so {@code "10" < "9"} and {@code "NULL"} is just text. */
    static int strcmp(String left, String right) {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex MD5 of every value followed by a newline. */
    static String md5(List<String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (String value : values) {
                digest.update(value.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** {@code N values hashing to H}. */
    static String hashLine(List<String> values) {
        return values.size() + " values hashing to " + md5(values);
    }

    /** The expected lines as values: one per line, or a whole row per line separated by tabs (DuckDB's layout). */
    static List<String> flattenExpected(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            values.addAll(Arrays.asList(line.split("\t", -1)));
        }
        return values;
    }
}
