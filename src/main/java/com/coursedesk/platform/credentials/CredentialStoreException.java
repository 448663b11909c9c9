package com.coursedesk.platform.credentials;

/** A credential store could not read, write or delete a secret. */
public final class CredentialStoreException extends RuntimeException {

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
