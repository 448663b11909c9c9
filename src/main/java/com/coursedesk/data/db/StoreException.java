package com.coursedesk.data.db;

/** The local store failed: a SQL error, a file that cannot be opened, or a closed store. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
