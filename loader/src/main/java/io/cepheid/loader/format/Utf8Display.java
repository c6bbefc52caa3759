package io.cepheid.loader.format;

import java.nio.charset.StandardCharsets;

/** Renders field bytes for an error message, shortened so that a 64 KB field does not flood a log. */
final class Utf8Display {
    private static final int MAX_CHARS = 100;

    private Utf8Display() {
    }

    static String of(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }
}
