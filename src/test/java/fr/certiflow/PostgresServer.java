package fr.certiflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of the integration tests and benchmarks: POSTGRES_ADMIN_URL (default 127.0.0.1:5432, database
 * postgres), POSTGRES_USER (postgres), POSTGRES_PASSWORD (empty). Each test creates a database of its own afresh.
 */
public final class PostgresServer {

    public static final String ADMIN_URL = env("POSTGRES_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = env("POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("POSTGRES_PASSWORD", "");

    private PostgresServer() {
    }

    /**
     * Drops and creates the database; returns its JDBC URL. The name is suffixed with a hash of the checkout's folder,
     * so two checkouts testing at once on one server never drop each other's databases.
     */
    public static String freshDatabase(String baseName) throws SQLException {
        String name = baseName + "_" + Integer.toHexString(System.getProperty("user.dir").hashCode() & 0xfffff);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
