package io.cepheid.sqltest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records known to fail, each with its reason, so dialect differences stay visible instead of being skipped.
 * Format: one {@code file:line  reason} per line ({@code file} as the runner names it, e.g. {@code select1.test}
 * or {@code sql/errors/division.test}), {@code #} comments and blank lines ignored.
 */
final class ExpectedFailures {
    static final String RESOURCE = "/expected-failures.txt";

    private final Map<String, String> reasons;

    ExpectedFailures(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    static ExpectedFailures none() {
        return new ExpectedFailures(Map.of());
    }

    static ExpectedFailures load() {
        try (InputStream in = ExpectedFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static ExpectedFailures parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].matches(".+:\\d+")) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected 'file:line  reason', got: " + line);
            }
            reasons.put(parts[0], parts[1]);
        }
        return new ExpectedFailures(reasons);
    }

    /** The reason {@code file:line} is expected to fail, or null when it must pass. */
    String reason(String fileName, int line) {
        return reasons.get(fileName + ":" + line);
    }
}
