package io.cepheid.storage.error;

import java.util.Objects;

/** The one exception type for user-visible failures: an {@link ErrorCode} (category + SQLSTATE) and a message. */
public class CepheidException extends RuntimeException {
    private final ErrorCode code;

    public CepheidException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code is null");
    }

    public CepheidException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }
}
