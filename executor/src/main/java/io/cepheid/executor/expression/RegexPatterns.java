package io.cepheid.executor.expression;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns Redshift's pattern dialects into {@link Pattern}s: POSIX regular expressions (the {@code ~} operators
 * and REGEXP_* functions, with their parameter letters), SIMILAR TO patterns, and replacement strings that
 * refer to groups as {@code \1}. java.util.regex already reads POSIX's ERE syntax; only bracket classes such
 * as {@code [:digit:]} are spelled differently.
 */
public final class RegexPatterns {
    private static final String[][] POSIX_CLASSES = {
            {"[:alnum:]", "\\p{Alnum}"}, {"[:alpha:]", "\\p{Alpha}"}, {"[:blank:]", "\\p{Blank}"},
            {"[:cntrl:]", "\\p{Cntrl}"}, {"[:digit:]", "\\p{Digit}"}, {"[:graph:]", "\\p{Graph}"},
            {"[:lower:]", "\\p{Lower}"}, {"[:print:]", "\\p{Print}"}, {"[:punct:]", "\\p{Punct}"},
            {"[:space:]", "\\p{Space}"}, {"[:upper:]", "\\p{Upper}"}, {"[:xdigit:]", "\\p{XDigit}"}};

    private RegexPatterns() {
    }

    /** What a REGEXP_* parameters string asks for: c (case-sensitive, the default), i, e (first group), p (PCRE). */
    public record Parameters(boolean caseInsensitive, boolean extractGroup) {
        public static Parameters parse(String letters) {
            boolean insensitive = false;
            boolean extract = false;
            for (int i = 0; i < letters.length(); i++) {
                switch (letters.charAt(i)) {
                    case 'c' -> insensitive = false;
                    case 'i' -> insensitive = true;
                    case 'e' -> extract = true;
                    case 'p' -> {
                        // java.util.regex is Perl-like already
                    }
                    default -> throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "invalid regular expression parameter '" + letters.charAt(i) + "' in '" + letters + "'");
                }
            }
            return new Parameters(insensitive, extract);
        }
    }

    /** Compiles a POSIX regular expression; an invalid one is 2201B naming the pattern. */
    public static Pattern posix(String pattern, boolean caseInsensitive) {
        String java = pattern;
        if (java.contains("[:")) {
            for (String[] posixClass : POSIX_CLASSES) {
                java = java.replace(posixClass[0], posixClass[1]);
            }
        }
        return compile(pattern, java, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /**
     * Compiles a SIMILAR TO pattern, to be matched against the whole value: {@code %} and {@code _} are LIKE's
     * wildcards, {@code | * + ? {m,n} ( ) [...]} are regular-expression operators, {@code .} and everything
     * else is literal, and the escape character (backslash unless given; empty for none) quotes the next one.
     */
    public static Pattern similarTo(String pattern, String escape) {
        if (escape != null && escape.codePointCount(0, escape.length()) > 1) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid escape string: must be empty or one character");
        }
        int escapeChar = escape == null ? '\\' : escape.isEmpty() ? -1 : escape.codePointAt(0);
        StringBuilder java = new StringBuilder(pattern.length() + 8);
        boolean inBracket = false;
        boolean inBraces = false;
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escapeChar) {
                if (i >= pattern.length()) {
                    throw new CepheidException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                            "invalid regular expression '" + pattern + "': SIMILAR TO pattern must not end with the escape character");
                }
                int quoted = pattern.codePointAt(i);
                i += Character.charCount(quoted);
                appendLiteral(java, quoted);
            } else if (inBracket) {
                inBracket = c != ']';
                java.appendCodePoint(c);
            } else if (inBraces) {
                inBraces = c != '}';
                java.appendCodePoint(c);
            } else {
                switch (c) {
                    case '%' -> java.append(".*");
                    case '_' -> java.append('.');
                    case '[' -> {
                        inBracket = true;
                        java.append('[');
                    }
                    case '{' -> {
                        inBraces = true;
                        java.append('{');
                    }
                    case '|', '*', '+', '?', '(', ')' -> java.appendCodePoint(c);
                    default -> appendLiteral(java, c);
                }
            }
        }
        return compile(pattern, java.toString(), Pattern.DOTALL);
    }

    /**
     * Appends one character that must match itself. ASCII punctuation gets a backslash (always literal in
     * java.util.regex); a quoted section would not do, as a quantifier may follow the character.
     */
    private static void appendLiteral(StringBuilder java, int codePoint) {
        if (codePoint < 0x80 && !Character.isLetterOrDigit(codePoint)) {
            java.append('\\');
        }
        java.appendCodePoint(codePoint);
    }

    /** A replacement string with {@code \1}..{@code \9} group references, in Matcher's {@code $1} syntax. */
    public static String replacement(String replacement) {
        if (replacement.indexOf('\\') < 0 && replacement.indexOf('$') < 0) {
            return replacement;
        }
        StringBuilder java = new StringBuilder(replacement.length() + 4);
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                java.append('$').append(replacement.charAt(++i));
            } else if (c == '\\' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '\\') {
                java.append("\\\\");
                i++;
            } else if (c == '\\' || c == '$') {
                java.append('\\').append(c);
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }

    private static Pattern compile(String original, String java, int flags) {
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new CepheidException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression '" + original + "': " + e.getDescription());
        }
    }
}
