package com.coursedesk.service.subscriptions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence for the learner, not yet in words: a bundle key and its arguments. The service
 * decides what to say; the screen decides how (language, money and date formats). Arguments
 * are {@link com.coursedesk.domain.Money}, {@link java.time.Instant} or
 * {@link java.time.LocalDate} (shown as dates), numbers, strings, or other phrases.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }
}
