package com.coursedesk.ui.subscriptions;

import com.coursedesk.domain.Money;
import com.coursedesk.service.subscriptions.Phrase;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Puts a {@link Phrase} into the learner's words: money as their locale writes it, dates in their
 * zone ("3 May" this year, "3 May 2027" another year: the long form either way), nested phrases in place.
 */
public final class PhraseRenderer {

    private final Messages messages;
    private final Formats formats;

    public PhraseRenderer(Messages messages, Formats formats) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** The phrase in words; dates are written relative to the year of {@code now}. */
    public String render(Phrase phrase, Instant now) {
        if (phrase == null) {
            return null;
        }
        Object[] args = phrase.args().stream().map(arg -> argument(arg, now)).toArray();
        return messages.get(phrase.key(), args);
    }

    private Object argument(Object arg, Instant now) {
        if (arg instanceof Money money) {
            return formats.money(money);
        }
        if (arg instanceof Instant instant) {
            return date(instant.atZone(formats.zone()).toLocalDate(), now);
        }
        if (arg instanceof LocalDate date) {
            return date(date, now);
        }
        if (arg instanceof Phrase nested) {
            return render(nested, now);
        }
        return arg;
    }

    /** Without the year when it is this year, as people say it. */
    public String date(LocalDate date, Instant now) {
        int thisYear = now.atZone(formats.zone()).getYear();
        return date.getYear() == thisYear ? formats.dayMonth(date) : formats.longDate(date);
    }
}
