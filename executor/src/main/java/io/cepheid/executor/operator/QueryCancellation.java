package io.cepheid.executor.operator;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;

/**
 * Whether a running query must stop, and why. The session sets it from any thread (a client's cancel, the
 * statement_timeout timer); the query's operators and slice threads call {@link #check()} once per batch,
 * which costs one volatile read, and unwind with SQLSTATE 57014 once it is set, freeing their memory on the
 * way out. Once set it stays set: one token per statement.
 */
public final class QueryCancellation {
    /** Why a query was stopped, worded as PostgreSQL words it. */
    public enum Reason {
        USER_REQUEST("canceling statement due to user request"),
        STATEMENT_TIMEOUT("canceling statement due to statement timeout");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private volatile Reason reason;

    /** Asks the query to stop; the first reason given is the one reported. */
    public synchronized void cancel(Reason why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Throws QUERY_CANCELED (57014) when the query was asked to stop. */
    public void check() {
        Reason why = reason;
        if (why != null) {
            throw new CepheidException(ErrorCode.QUERY_CANCELED, why.message());
        }
    }
}
