package io.cepheid.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at each {@code ;} that is code: not inside a string ({@code '...'} with
 * {@code ''} escapes), a quoted identifier ({@code "..."}), a dollar-quoted body ({@code $tag$...$tag$}), a
 * {@code --} line comment or a {@code /* *}{@code /} block comment (which nest, as in PostgreSQL). Comments in
 * front of a statement are dropped; comments inside it are kept for the engine.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** The complete statements (without their semicolons, trimmed, empty ones dropped) and the unfinished rest. */
    public record Split(List<String> statements, String remainder) {
    }

    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(text, i, c);
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                i = skipBlockComment(text, i);
            } else if (c == '$') {
                i = skipDollarQuoted(text, i);
            } else if (c == ';') {
                addIfContent(statements, text.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        return new Split(statements, text.substring(Math.min(start, length)));
    }

    /** Whether {@code text} holds anything besides whitespace and comments. */
    public static boolean hasContent(String text) {
        return contentStart(text) < text.length();
    }

    /** {@code text} from its first character that is neither whitespace nor part of a comment. */
    public static String stripLeadingComments(String text) {
        return text.substring(contentStart(text));
    }

    private static int contentStart(String text) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                i = skipBlockComment(text, i);
            } else {
                return i;
            }
        }
        return length;
    }

    private static void addIfContent(List<String> statements, String statement) {
        if (hasContent(statement)) {
            statements.add(stripLeadingComments(statement).strip());
        }
    }

    /** The index after the closing quote; a doubled quote is an escaped one. Unclosed: the end of the text. */
    private static int skipQuoted(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int skipBlockComment(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** {@code $tag$ ... $tag$} (tag may be empty); a {@code $} that opens no such quote (e.g. {@code $1}) is plain text. */
    private static int skipDollarQuoted(String text, int open) {
        int i = open + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '$' || (i > open + 1 && Character.isDigit(text.charAt(open + 1)))) {
            return open + 1;
        }
        String tag = text.substring(open, i + 1);
        int close = text.indexOf(tag, i + 1);
        return close < 0 ? text.length() : close + tag.length();
    }
}
