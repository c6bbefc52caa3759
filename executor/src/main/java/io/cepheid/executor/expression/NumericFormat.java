package io.cepheid.executor.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A Redshift (PostgreSQL) number format for TO_CHAR, such as {@code '9,999.99'}: {@code 9} is a digit whose
 * leading zero shows as a blank, {@code 0} a digit always shown (and every digit right of it), {@code .} or
 * {@code D} the decimal point, {@code ,} or {@code G} a group separator (a blank while no digit is left of
 * it), {@code FM} drops the padding and trailing zeros. One position before the digits holds the sign
 * (a blank when positive). A number with more integer digits than the format has shows as {@code #}s
 * in the format's shape ({@code ###.##}).
 */
final class NumericFormat {
    private final boolean fillMode;
    /** Integer part of the pattern: '9', '0' and ','. */
    private final String integerPattern;
    /** Fraction part of the pattern: '9' and '0'. */
    private final String fractionPattern;
    private final boolean hasPoint;
    private final int integerDigits;
    /** Index in {@link #integerPattern} of the leftmost '0', or its length when there is none. */
    private final int firstZero;

    NumericFormat(String pattern) {
        String upper = pattern.toUpperCase(Locale.ROOT);
        this.fillMode = upper.contains("FM");
        StringBuilder integer = new StringBuilder();
        StringBuilder fraction = new StringBuilder();
        boolean point = false;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '.' || c == 'D') {
                point = true;
            } else if (c == '9' || c == '0') {
                (point ? fraction : integer).append(c);
            } else if ((c == ',' || c == 'G') && !point) {
                integer.append(',');
            }
        }
        this.integerPattern = integer.toString();
        this.fractionPattern = fraction.toString();
        this.hasPoint = point;
        this.integerDigits = (int) integerPattern.chars().filter(c -> c != ',').count();
        int zero = integerPattern.indexOf('0');
        this.firstZero = zero < 0 ? integerPattern.length() : zero;
    }

    String format(BigDecimal value) {
        BigDecimal rounded = value.setScale(fractionPattern.length(), RoundingMode.HALF_UP);
        boolean negative = rounded.signum() < 0;
        String digits = rounded.abs().unscaledValue().toString();
        int scale = fractionPattern.length();
        if (digits.length() < scale + 1) {
            digits = "0".repeat(scale + 1 - digits.length()) + digits;
        }
        String integerPart = digits.substring(0, digits.length() - scale);
        String fractionPart = digits.substring(digits.length() - scale);
        if (integerPart.equals("0")) {
            integerPart = "";
        }
        if (integerPart.length() > integerDigits) {
            return (fillMode ? "" : " ") + integerPattern.replaceAll("[09]", "#") + (hasPoint ? "." : "") + "#".repeat(scale);
        }
        StringBuilder integer = new StringBuilder();
        int digit = integerPart.length() - 1;
        for (int p = integerPattern.length() - 1; p >= 0; p--) {
            char c = integerPattern.charAt(p);
            if (c == ',') {
                // A separator shows when a digit is printed left of it.
                integer.append(digit >= 0 || firstZero < p ? ',' : ' ');
            } else if (digit >= 0) {
                integer.append(integerPart.charAt(digit--));
            } else {
                integer.append(p >= firstZero ? '0' : ' ');
            }
        }
        integer.reverse();
        int firstShown = 0;
        while (firstShown < integer.length() && integer.charAt(firstShown) == ' ') {
            firstShown++;
        }
        StringBuilder text = new StringBuilder();
        if (!fillMode) {
            text.append(integer, 0, firstShown);
        }
        if (negative || !fillMode) {
            text.append(negative ? '-' : ' ');
        }
        text.append(integer, firstShown, integer.length());
        if (hasPoint) {
            text.append('.');
            int end = scale;
            if (fillMode) {
                while (end > 0 && fractionPattern.charAt(end - 1) == '9' && fractionPart.charAt(end - 1) == '0') {
                    end--;
                }
            }
            text.append(fractionPart, 0, end);
        }
        return text.toString();
    }
}
