package io.cepheid.loader.copy;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the input files into splits for the workers. A plain text file larger than the split size is cut
 * into about {@code parallelism} pieces at line starts, so that a single 1 GB lineitem.tbl still loads on
 * every core. Gzip files, CSV (a quoted field may hold a line break) and ESCAPE text (an escaped line break
 * does not end a record) are never cut: no byte offset there is known to start a record.
 */
final class SplitPlanner {
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    private SplitPlanner() {
    }

    static List<InputSplit> plan(List<Path> files, CopyFileSystem fileSystem, CopyOptions options, int parallelism,
            long splitBytes) {
        List<InputSplit> splits = new ArrayList<>();
        for (Path file : files) {
            try {
                long size = fileSystem.size(file);
                boolean cuttable = parallelism > 1 && size > splitBytes && options.format() == CopyFormat.TEXT
                        && !options.escape() && !options.gzip() && !startsWithGzipMagic(fileSystem, file);
                if (!cuttable) {
                    splits.add(new InputSplit(file, 0, size, true, true));
                    continue;
                }
                long pieceBytes = Math.max(splitBytes, (size + parallelism - 1) / parallelism);
                long start = 0;
                while (start < size) {
                    long end = start + pieceBytes >= size ? size : nextLineStart(fileSystem, file, start + pieceBytes, size);
                    splits.add(new InputSplit(file, start, end - start, start == 0, false));
                    start = end;
                }
            } catch (IOException e) {
                throw new CepheidException(ErrorCode.LOAD_ERROR, "cannot read COPY input " + file + ": " + e.getMessage(), e);
            }
        }
        return splits;
    }

    private static boolean startsWithGzipMagic(CopyFileSystem fileSystem, Path file) throws IOException {
        try (InputStream input = fileSystem.open(file, 0, GZIP_MAGIC.length)) {
            byte[] head = input.readNBytes(GZIP_MAGIC.length);
            return head.length == 2 && head[0] == GZIP_MAGIC[0] && head[1] == GZIP_MAGIC[1];
        }
    }

    /** The offset just after the first line break at or after {@code offset - 1}, or {@code size}. */
    private static long nextLineStart(CopyFileSystem fileSystem, Path file, long offset, long size) throws IOException {
        long position = offset - 1;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream input = fileSystem.open(file, position, size - position)) {
            int read;
            while ((read = input.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        return position + i + 1;
                    }
                }
                position += read;
            }
        }
        return size;
    }

    /** Counts line breaks in the first {@code length} bytes of a file: the line number base of a later split. */
    static long countLines(CopyFileSystem fileSystem, Path file, long length) throws IOException {
        long lines = 0;
        byte[] chunk = new byte[256 * 1024];
        try (InputStream input = fileSystem.open(file, 0, length)) {
            int read;
            while ((read = input.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
