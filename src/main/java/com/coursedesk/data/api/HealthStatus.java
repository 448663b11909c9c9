package com.coursedesk.data.api;

import java.time.Instant;

/** The answer of {@code GET /v1/health}. */
public record HealthStatus(String status, Instant serverTime, String apiVersion) {

    public boolean isOk() {
        return "ok".equals(status);
    }
}
