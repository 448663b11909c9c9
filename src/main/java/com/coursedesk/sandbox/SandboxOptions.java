package com.coursedesk.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox server is started.
 *
 * @param port            TCP port on the loopback interface; 0 picks a free one
 * @param dataFile        the sandbox's own SQLite file; {@code null} means a fresh temporary file
 *                        that is deleted on close
 * @param seed            seed of the demo data, so two sandboxes with one seed hold the same records
 * @param scalePurchases  purchases given to {@code scale@example.com} (for scale tests)
 * @param controlEnabled  whether the {@code /_sandbox/...} control interface (clock, faults) exists;
 *                        only for development and tests, never in the learner's demo
 * @param accessTokenTtl  lifetime of an access token
 */
public record SandboxOptions(int port, Path dataFile, long seed, int scalePurchases, boolean controlEnabled,
                             Duration accessTokenTtl) {

    public static final long DEFAULT_SEED = 20261126L;
    public static final int DEFAULT_SCALE_PURCHASES = 250;
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (scalePurchases < 0) {
            throw new IllegalArgumentException("purchases must not be negative");
        }
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    }

    /** An in-process sandbox for tests: ephemeral port, temporary data, control interface on. */
    public static SandboxOptions forTests() {
        return new SandboxOptions(0, null, DEFAULT_SEED, DEFAULT_SCALE_PURCHASES, true, DEFAULT_ACCESS_TOKEN_TTL);
    }

    /** The learner's demo: ephemeral port, data kept in {@code dataFile}, no control interface. */
    public static SandboxOptions demo(Path dataFile) {
        return new SandboxOptions(0, dataFile, DEFAULT_SEED, DEFAULT_SCALE_PURCHASES, false, DEFAULT_ACCESS_TOKEN_TTL);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataFile, seed, scalePurchases, controlEnabled, accessTokenTtl);
    }

    public SandboxOptions withDataFile(Path newDataFile) {
        return new SandboxOptions(port, newDataFile, seed, scalePurchases, controlEnabled, accessTokenTtl);
    }

    public SandboxOptions withSeed(long newSeed) {
        return new SandboxOptions(port, dataFile, newSeed, scalePurchases, controlEnabled, accessTokenTtl);
    }

    public SandboxOptions withScalePurchases(int count) {
        return new SandboxOptions(port, dataFile, seed, count, controlEnabled, accessTokenTtl);
    }

    public SandboxOptions withControl(boolean enabled) {
        return new SandboxOptions(port, dataFile, seed, scalePurchases, enabled, accessTokenTtl);
    }

    public SandboxOptions withAccessTokenTtl(Duration ttl) {
        return new SandboxOptions(port, dataFile, seed, scalePurchases, controlEnabled, ttl);
    }
}
