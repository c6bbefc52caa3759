package io.cepheid.server;

import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import org.apache.calcite.sql.SqlNode;

import java.util.List;

/** Runs DDL and utility statements: CREATE/DROP TABLE and SCHEMA, CREATE TABLE AS, COPY. */
final class DdlExecutor {
    private final Engine engine;
    private final SessionSettings settings;

    DdlExecutor(Engine engine, SessionSettings settings, LeaderSession session) {
        this.engine = engine;
        this.settings = settings;
    }

    StatementResult execute(SqlNode node, List<Object> parameters) {
        throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement not supported: " + node.getKind());
    }
}
