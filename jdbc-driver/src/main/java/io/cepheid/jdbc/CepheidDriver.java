package io.cepheid.jdbc;

import io.cepheid.server.EngineHandle;
import io.cepheid.server.Engines;
import io.cepheid.server.Session;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:cepheid:} URLs, registered with {@link DriverManager} when loaded
 * (through {@code META-INF/services/java.sql.Driver}). Each connection holds a handle on the embedded engine
 * for its location and one session on it; connections to the same location share the engine.
 */
public final class CepheidDriver implements Driver {
    public static final int MAJOR_VERSION = 0;
    public static final int MINOR_VERSION = 1;
    public static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION;

    private static final EngineOpener DEFAULT_OPENER = Engines::open;
    private static volatile EngineOpener opener = DEFAULT_OPENER;

    static {
        try {
            DriverManager.registerDriver(new CepheidDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Test hook: routes new connections to {@code testOpener} instead of {@code Engines.open}; null restores
     * the real engine. Returns the opener that was in place.
     */
    public static EngineOpener setEngineOpenerForTests(EngineOpener testOpener) {
        EngineOpener previous = opener;
        opener = testOpener == null ? DEFAULT_OPENER : testOpener;
        return previous;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // the JDBC contract: let DriverManager try the next driver
        }
        CepheidUrl parsed = CepheidUrl.parse(url);
        Properties properties = info == null ? new Properties() : info;
        EngineHandle engine;
        try {
            engine = opener.open(parsed.location(), properties);
        } catch (RuntimeException e) {
            throw SqlExceptions.from(e);
        }
        Session session;
        try {
            session = engine.openSession();
        } catch (RuntimeException e) {
            engine.close();
            throw SqlExceptions.from(e);
        }
        String user = properties.getProperty("user", System.getProperty("user.name", "cepheid"));
        return new CepheidConnection(url, user, engine, session);
    }

    @Override
    public boolean acceptsURL(String url) {
        return CepheidUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo memory = new DriverPropertyInfo("query_memory_limit", info == null ? null : info.getProperty("query_memory_limit"));
        memory.description = "bytes of memory one query may use";
        DriverPropertyInfo slices = new DriverPropertyInfo("slices", info == null ? null : info.getProperty("slices"));
        slices.description = "slices per node of the embedded warehouse";
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "the user name the session reports";
        return new DriverPropertyInfo[] {memory, slices, user};
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not yet: the engine's SQL coverage is still growing. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("java.util.logging");
    }

}
