package io.arrears.local.capacity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How the meters reach the PostgreSQL server whose counters they read: as its superuser, to any of its databases. */
record ServerConnection(String url, String user, String password) {

    /** {@code anyDatabaseUrl} names any database of the server; the meters start from its maintenance database. */
    static ServerConnection of(String anyDatabaseUrl, String user, String password) {
        return new ServerConnection(anyDatabaseUrl.substring(0, anyDatabaseUrl.lastIndexOf('/') + 1) + "postgres", user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Some counters (a table's) are kept in each database and read over a connection to it. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + database, user, password);
    }
}
