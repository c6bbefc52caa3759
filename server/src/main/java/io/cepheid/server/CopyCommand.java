package io.cepheid.server;

import io.cepheid.loader.copy.CopyOptions;
import io.cepheid.loader.copy.CopyRequest;
import io.cepheid.loader.copy.CopyResult;
import io.cepheid.loader.copy.LocalFileCopy;
import io.cepheid.planner.ddl.QualifiedName;
import io.cepheid.planner.parse.CopyOption;
import io.cepheid.planner.parse.CopyOptionKind;
import io.cepheid.planner.parse.SqlCopy;
import io.cepheid.storage.catalog.ColumnDefinition;
import io.cepheid.storage.catalog.TableDefinition;
import io.cepheid.storage.catalog.Transaction;
import io.cepheid.storage.error.CepheidException;
import io.cepheid.storage.error.ErrorCode;
import io.cepheid.storage.memory.BufferAllocator;
import io.cepheid.storage.table.TableSnapshot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * COPY table [(columns)] FROM 'local path or prefix' options: resolves the target, turns the statement's
 * options into loader options, loads every matching file in parallel inside one transaction, and commits
 * only if the whole load succeeded. As in Redshift, a load into an empty table ANALYZEs it in the same
 * transaction; STATUPDATE ON analyzes after any load, STATUPDATE OFF never.
 */
final class CopyCommand {
    private final Engine engine;
    private final SessionSettings settings;
    private final LeaderSession session;
    private final AnalyzeCommand analyze;

    CopyCommand(Engine engine, SessionSettings settings, LeaderSession session, AnalyzeCommand analyze) {
        this.engine = engine;
        this.settings = settings;
        this.session = session;
        this.analyze = analyze;
    }

    /** STATUPDATE as written: ON, OFF, or absent (analyze only a table that was empty). */
    private enum StatUpdate { ON, OFF, IF_EMPTY }

    StatementResult execute(SqlCopy copy) {
        QualifiedName name = QualifiedName.of(copy.table(), settings.searchSchema());
        CopyOptions options = options(copy.options());
        StatUpdate statUpdate = statUpdate(copy.options());
        String source = localSource(copy.source());
        return session.write(transaction -> load(copy, name, options, statUpdate, source, transaction));
    }

    private static StatUpdate statUpdate(List<CopyOption> written) {
        StatUpdate statUpdate = StatUpdate.IF_EMPTY;
        for (CopyOption option : written) {
            if (option.kind() == CopyOptionKind.STATUPDATE) {
                statUpdate = "OFF".equals(option.value()) ? StatUpdate.OFF : StatUpdate.ON;
            }
        }
        return statUpdate;
    }

    private StatementResult load(SqlCopy copy, QualifiedName name, CopyOptions options, StatUpdate statUpdate,
            String source, Transaction transaction) {
        try (BufferAllocator allocator = session.newQueryAllocator()) {
            TableSnapshot table = transaction.view().table(name.schema(), name.table())
                    .orElseThrow(() -> new CepheidException(ErrorCode.UNDEFINED_TABLE,
                            "relation \"" + name.table() + "\" does not exist"));
            TableDefinition definition = table.definition();
            List<Integer> columns = targetColumns(copy, definition);
            List<Object> defaults = session.defaultValues(definition, columns);
            int parallelism = Math.max(1, engine.warehouse().sliceCount());
            CopyRequest request = new CopyRequest(source, definition, columns, defaults, options,
                    transaction.appender(name.schema(), name.table()), allocator, engine.sliceExecutor(), parallelism);
            CopyResult result = LocalFileCopy.run(request);
            boolean analyzeNow = switch (statUpdate) {
                case ON -> true;
                case OFF -> false;
                case IF_EMPTY -> table.rowCount() == 0 && result.rowsLoaded() > 0;
            };
            if (analyzeNow) {
                analyze.analyzeWholeTable(transaction, definition.schema(), definition.name());
            }
            return new StatementResult.UpdateCount(result.rowsLoaded(), "COPY " + result.rowsLoaded());
        }
    }

    /** A local path prefix; a relative one is taken from the server's working directory, as psql's \\copy does. */
    private static String localSource(String source) {
        if (source.startsWith("s3://")) {
            throw new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "COPY from S3 is not supported yet; use a local path or file:// prefix");
        }
        if (source.startsWith("file:") || source.startsWith("/")) {
            return source;
        }
        // Keep a trailing separator: it matters to prefix matching.
        String absolute = java.nio.file.Path.of(source).toAbsolutePath().toString();
        return source.endsWith("/") ? absolute + "/" : absolute;
    }

    private static List<Integer> targetColumns(SqlCopy copy, TableDefinition definition) {
        List<Integer> columns = new ArrayList<>();
        if (copy.columns() == null || copy.columns().isEmpty()) {
            for (int i = 0; i < definition.columns().size(); i++) {
                columns.add(i);
            }
            return columns;
        }
        Set<Integer> seen = new HashSet<>();
        for (SqlNode node : copy.columns()) {
            String column = ((SqlIdentifier) node).getSimple().toLowerCase(Locale.ROOT);
            int index = definition.columnIndex(column);
            if (index < 0) {
                throw new CepheidException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                        + definition.name() + "\" does not exist");
            }
            if (!seen.add(index)) {
                throw new CepheidException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
            }
            columns.add(index);
        }
        for (int i = 0; i < definition.columns().size(); i++) {
            ColumnDefinition column = definition.columns().get(i);
            if (!seen.contains(i) && !column.nullable() && column.defaultSql() == null) {
                throw new CepheidException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column.name()
                        + "\" is NOT NULL, has no default, and is missing from the COPY column list");
            }
        }
        return columns;
    }

    private static CopyOptions options(List<CopyOption> written) {
        CopyOptions.Builder builder = CopyOptions.builder();
        for (CopyOption option : written) {
            switch (option.kind()) {
                case DELIMITER -> builder.delimiter(singleCharacter(option));
                case CSV -> builder.csv();
                case QUOTE -> builder.csv(singleCharacter(option));
                case FORMAT -> {
                    String format = option.value() == null ? "" : option.value().toUpperCase(Locale.ROOT);
                    if (!format.equals("CSV")) {
                        throw unsupported("FORMAT AS " + format);
                    }
                    builder.csv();
                }
                case IGNOREHEADER -> builder.ignoreHeader(option.intValue());
                case NULL -> builder.nullAs(option.value());
                case GZIP -> builder.gzip();
                case DATEFORMAT -> builder.dateFormat(option.value());
                case TIMEFORMAT -> builder.timeFormat(option.value());
                case MAXERROR -> builder.maxError(option.intValue());
                case EMPTYASNULL -> builder.emptyAsNull();
                case BLANKSASNULL -> builder.blanksAsNull();
                case TRIMBLANKS -> builder.trimBlanks();
                case TRUNCATECOLUMNS -> builder.truncateColumns();
                case ROUNDEC -> builder.roundDecimals();
                case REMOVEQUOTES -> builder.removeQuotes();
                case ESCAPE -> builder.escape();
                case FILLRECORD -> builder.fillRecord();
                case ACCEPTINVCHARS -> {
                    if (option.value() == null) {
                        builder.acceptInvChars();
                    } else {
                        builder.acceptInvChars(singleCharacter(option));
                    }
                }
                // Credentials mean nothing for local files and COMPUPDATE has no effect: accepted, as Redshift
                // parses them. STATUPDATE is read by statUpdate.
                case IAM_ROLE, CREDENTIALS, ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, REGION, COMPUPDATE, STATUPDATE -> {
                }
                case JSON, ZSTD, BZIP2, LZOP, MANIFEST -> throw unsupported(option.kind().name());
            }
        }
        return builder.build();
    }

    private static char singleCharacter(CopyOption option) {
        String value = option.value();
        String unescaped = value == null ? "" : value.equals("\\t") ? "\t" : value;
        if (unescaped.length() != 1) {
            throw new CepheidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    option.kind() + " must be a single character, not '" + value + "'");
        }
        return unescaped.charAt(0);
    }

    private static CepheidException unsupported(String what) {
        return new CepheidException(ErrorCode.FEATURE_NOT_SUPPORTED, "COPY " + what + " is not supported yet");
    }
}
