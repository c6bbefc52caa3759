package io.cepheid.loader.copy;

import java.nio.file.Path;

/**
 * A byte range of one input file that one worker loads: a whole file, or a piece of a large plain text file
 * that starts at a line start and ends after a line break. {@code first} marks the piece holding the file's
 * header lines (IGNOREHEADER).
 */
record InputSplit(Path file, long start, long length, boolean first, boolean wholeFile) {
}
