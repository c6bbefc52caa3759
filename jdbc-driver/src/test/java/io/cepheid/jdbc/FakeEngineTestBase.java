package io.cepheid.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plugs a {@link FakeEngine} into the driver for each test and checks afterwards that no batch memory leaked. */
abstract class FakeEngineTestBase {
    FakeEngine engine;
    final List<String> openedLocations = new ArrayList<>();
    private EngineOpener previous;

    @BeforeEach
    void plugInFakeEngine() {
        engine = new FakeEngine();
        previous = CepheidDriver.setEngineOpenerForTests((location, properties) -> {
            openedLocations.add(location);
            return engine;
        });
    }

    @AfterEach
    void restoreEngineAndCheckMemory() {
        CepheidDriver.setEngineOpenerForTests(previous);
        assertEquals(0, engine.allocator.allocatedBytes(), "batch memory left unfreed");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:cepheid:mem:test");
    }
}
