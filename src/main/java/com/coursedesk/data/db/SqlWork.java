package com.coursedesk.data.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work. {@link LocalStore} runs it inside one transaction on the
 * connection it passes in; the work must not commit, roll back or keep the connection.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
