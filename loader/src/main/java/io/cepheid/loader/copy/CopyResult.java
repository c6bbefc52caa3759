package io.cepheid.loader.copy;

import java.util.List;

/**
 * What a successful COPY did: rows and files loaded and the rows it rejected within MAXERROR
 * (for stl_load_errors), in no particular order.
 */
public record CopyResult(long rowsLoaded, int filesLoaded, List<LoadError> rejectedRows) {
    public CopyResult {
        rejectedRows = List.copyOf(rejectedRows);
    }
}
