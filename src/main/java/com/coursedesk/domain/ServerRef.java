package com.coursedesk.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which billing server an account lives on: the built-in demo sandbox (whose port changes at
 * every start) or a provider's base URL.
 */
public record ServerRef(String value) {

    /** The stored form of the built-in demo server. */
    public static final ServerRef DEMO = new ServerRef("demo");

    public ServerRef {
        Objects.requireNonNull(value, "value");
    }

    public boolean isDemo() {
        return value.equals(DEMO.value);
    }

    // Written out: the generated ones link method handles on first use, at start-up here.
    @Override
    public boolean equals(Object other) {
        return other instanceof ServerRef s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Why a text cannot be a provider's address; the screens and the CLI word it with {@link #messageKey()}. */
    public enum AddressProblem {
        /** Not a URL at all. */
        NOT_AN_ADDRESS("server.address.notAnAddress"),
        /** Not http(s), or no host. */
        NOT_HTTPS("server.address.notHttps"),
        /** A query, fragment or user name. */
        EXTRAS("server.address.extras"),
        /** Plain http:// to a host other than this computer. */
        PLAIN_HTTP_REMOTE("server.address.plainHttp");

        private final String messageKey;

        AddressProblem(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The bundle key of its explanation, shared by the sign-in screen and the command line. */
        public String messageKey() {
            return messageKey;
        }
    }

    /** A text that cannot be a provider's address; {@link #problem()} says why. */
    public static final class InvalidAddressException extends IllegalArgumentException {
        private final AddressProblem problem;

        InvalidAddressException(AddressProblem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public AddressProblem problem() {
            return problem;
        }
    }

    /**
     * A provider URL, checked: absolute, https (plain http only for loopback hosts), no query,
     * fragment or user info. Trailing slashes are dropped so one server has one key.
     *
     * @throws InvalidAddressException saying why (its message is English, for logs)
     */
    public static ServerRef ofUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (Exception e) {
            throw new InvalidAddressException(AddressProblem.NOT_AN_ADDRESS, "not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidAddressException(AddressProblem.NOT_HTTPS, "must start with https:// and name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidAddressException(AddressProblem.EXTRAS, "must not hold a query, fragment or user name");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidAddressException(AddressProblem.PLAIN_HTTP_REMOTE,
                    "plain http:// is only allowed for this computer (localhost)");
        }
        String normalised = uri.toString().replaceAll("/+$", "");
        return new ServerRef(normalised);
    }

    public URI uri() {
        if (isDemo()) {
            throw new IllegalStateException("The demo server has no fixed address");
        }
        return URI.create(value);
    }

    /** localhost, 127.0.0.0/8 or [::1], as the contract allows for plain http. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    @Override
    public String toString() {
        return value;
    }
}
