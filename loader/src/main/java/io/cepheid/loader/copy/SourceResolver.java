package io.cepheid.loader.copy;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a COPY source into the files to load, the way Redshift treats an S3 prefix: every regular file whose
 * absolute path starts with the source string, so {@code /data/lineitem.tbl} loads {@code lineitem.tbl} and
 * {@code lineitem.tbl.2}, and a directory loads everything beneath it. Sorted by path.
 */
final class SourceResolver {
    private static final String FILE_SCHEME = "file://";

    private SourceResolver() {
    }

    static List<Path> resolve(String source, CopyFileSystem files) {
        String prefix = source.startsWith(FILE_SCHEME) ? source.substring(FILE_SCHEME.length()) : source;
        if (!prefix.startsWith("/")) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "COPY source " + source + " must be an absolute path or a file:/// URL");
        }
        List<Path> matches;
        try {
            matches = files.listFiles(prefix);
        } catch (IOException e) {
            throw new CepheidException(ErrorCode.IO_ERROR, "cannot list COPY source " + source + ": " + e.getMessage(), e);
        }
        if (matches.isEmpty()) {
            throw new CepheidException(ErrorCode.FILE_NOT_FOUND, "COPY source " + source + " matched no files");
        }
        return matches.stream().sorted(Comparator.comparing(Path::toString)).toList();
    }
}
