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

    /**
     * A provider URL, checked: absolute, https (plain http only for loopback hosts), no query,
     * fragment or user info. Trailing slashes are dropped so one server has one key.
     *
     * @throws IllegalArgumentException with a message for the learner's eyes
     */
    public static ServerRef ofUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("must start with https:// and name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not hold a query, fragment or user name");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("plain http:// is only allowed for this computer (localhost)");
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
