package io.cepheid.sqltest;

import java.util.ArrayList;
import java.util.List;

/** What running one file produced: counts, failures, and how the expected-failure list fared. */
final class SltReport {
    final String fileName;
    int executed;
    int skipped;
    final List<String> failures = new ArrayList<>();
    /** Records on the expected-failure list that did fail, with their reasons. */
    final List<String> expectedFailures = new ArrayList<>();
    /** Records on the expected-failure list that passed: the list is stale and must be trimmed. */
    final List<String> unexpectedPasses = new ArrayList<>();

    SltReport(String fileName) {
        this.fileName = fileName;
    }

    boolean passed() {
        return failures.isEmpty() && unexpectedPasses.isEmpty();
    }

    String summary() {
        return String.format("%s: %d records run, %d skipped, %d failed, %d expected failures, %d unexpected passes",
                fileName, executed, skipped, failures.size(), expectedFailures.size(), unexpectedPasses.size());
    }

    /** The summary, then every failure and stale expected failure (the first {@code limit} of each). */
    String details(int limit) {
        StringBuilder text = new StringBuilder(summary());
        appendAll(text, "FAILED", failures, limit);
        appendAll(text, "PASSED BUT LISTED IN expected-failures.txt", unexpectedPasses, limit);
        return text.toString();
    }

    private static void appendAll(StringBuilder text, String heading, List<String> items, int limit) {
        for (int i = 0; i < Math.min(limit, items.size()); i++) {
            text.append("\n\n").append(heading).append(": ").append(items.get(i));
        }
        if (items.size() > limit) {
            text.append("\n\n... and ").append(items.size() - limit).append(" more");
        }
    }
}
