package com.coursedesk.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * The signed-in learner.
 *
 * @param country  ISO 3166-1 alpha-2 code, e.g. {@code GB}
 * @param currency the account's home currency (records may still be in others)
 * @param locale   the learner's preferred locale, from a BCP 47 tag such as {@code en-GB}
 */
public record Account(
        String id,
        String email,
        String displayName,
        String country,
        Currency currency,
        Locale locale,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
