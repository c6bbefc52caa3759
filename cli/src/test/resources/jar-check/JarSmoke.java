import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run by JdbcJarTest with only the self-contained driver jar on the class path: connects through
 * DriverManager (so the service file must be in the jar), runs a query on the real engine and prints its rows.
 */
public final class JarSmoke {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:cepheid:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER, price DECIMAL(6,2))");
            statement.execute("INSERT INTO t VALUES (1, 1.50), (2, 2.25), (3, NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*), sum(price) FROM t")) {
                rows.next();
                System.out.println("rows=" + rows.getLong(1) + " sum=" + rows.getBigDecimal(2));
            }
        }
    }
}
