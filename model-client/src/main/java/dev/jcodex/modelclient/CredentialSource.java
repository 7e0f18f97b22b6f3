package dev.jcodex.modelclient;

/** Supplies the credentials of each request; implementations may refresh tokens. */
public interface CredentialSource {

    /**
     * The credentials for the next request.
     *
     * @throws ModelClientException.MissingCredentials when there are none (with login instructions)
     * @throws ModelClientException.AuthFailed when they cannot be read or refreshed
     */
    Credentials current();

    /**
     * Called once after an HTTP 401: refresh or reload credentials. Returns whether retrying may help.
     */
    default boolean recoverFromUnauthorized() {
        return false;
    }

    /** A source that always returns {@code credentials}. */
    static CredentialSource fixed(Credentials credentials) {
        return () -> credentials;
    }
}
