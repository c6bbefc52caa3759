package io.cepheid.cli;

import java.util.Arrays;
import java.util.Iterator;

/** Where the console's input lines come from: the terminal (with line editing), a file, or a {@code -c} string. */
public interface LineSource {
    /** The next line, without its line break; null at the end of input. Throws {@link Interrupted} on Ctrl-C. */
    String readLine(String prompt);

    /** The user pressed Ctrl-C at the prompt: the statement being typed is dropped. */
    final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    /** The lines of {@code text}, prompts ignored. */
    static LineSource of(String text) {
        Iterator<String> lines = Arrays.asList(text.split("\r?\n", -1)).iterator();
        return prompt -> lines.hasNext() ? lines.next() : null;
    }
}
