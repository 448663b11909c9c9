package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.service.upcoming.UpcomingEvent;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The coming money events as an iCalendar file (RFC 5545, made with ical4j, so folding,
 * escaping and UTC times are right) that Outlook, Apple Calendar and Google Calendar import.
 * One event per money event of {@code UpcomingEvents}: its UID is stable (the event's id and
 * the account's), so importing a newer file updates the entries rather than doubling them; it
 * starts at the event's instant in UTC, says the amount in its title and what to do before it
 * in its description, does not block time, and has an alarm the learner's reminder lead time
 * before it.
 */
public final class CalendarExport {

    static final String PRODUCT_ID = "-//CourseDesk//Upcoming payments//EN";
    static final int MAX_LINE_OCTETS = 75;
    private static final Logger LOG = LoggerFactory.getLogger(CalendarExport.class);

    private final PaperworkTexts messages;
    private final DocumentWords words;
    private final Clock clock;

    public CalendarExport(PaperworkTexts messages, ZoneId zone, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = new DocumentWords(messages, zone);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param reminderDays how many days before each event its alarm goes off (0: at the event)
     */
    public Calendar calendar(List<UpcomingEvent> events, Learner learner, int reminderDays) {
        if (reminderDays < 0) {
            throw new IllegalArgumentException("reminderDays must not be negative: " + reminderDays);
        }
        Instant now = clock.instant();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // The name calendar programs give a calendar made from an imported or subscribed file.
        calendar.add(new XProperty("X-WR-CALNAME", messages.get("paperwork.calendar.name", learner.email())));
        for (UpcomingEvent e : events) {
            calendar.add(event(e, learner.accountId(), reminderDays, now));
        }
        return calendar;
    }

    /** Writes the calendar of {@code events} to {@code file}, whole or not at all. */
    public void save(List<UpcomingEvent> events, Learner learner, int reminderDays, Path file) throws IOException {
        Calendar calendar = calendar(events, learner, reminderDays);
        StringWriter unfolded = new StringWriter();
        try {
            // ical4j escapes and validates; it folds by characters, so it is asked not to fold
            // and the lines are folded here by octets, as RFC 5545 counts them.
            new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, unfolded);
        } catch (ValidationException e) {
            throw new IOException("The calendar is not valid iCalendar: " + e.getMessage(), e);
        }
        byte[] bytes = fold(unfolded.toString()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        LOG.info("Exported {} coming events to {}", events.size(), file.toAbsolutePath());
    }

    /**
     * Folds content lines to at most 75 octets of UTF-8 (RFC 5545, 3.1): a longer line goes on
     * after CRLF and one space, never inside a character, so a Japanese title arrives whole.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 40);
        for (String line : unfolded.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = utf8Length(cp);
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private VEvent event(UpcomingEvent e, String accountId, int reminderDays, Instant now) {
        String summary = summary(e);
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(e, accountId)));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(e.at()));
        event.add(new Summary(summary));
        event.add(new Description(description(e)));
        // A deadline, not a meeting: it must not mark the learner busy.
        event.add(ImmutableTransp.TRANSPARENT);
        VAlarm alarm = new VAlarm(Period.ofDays(-reminderDays));
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(summary));
        event.add(alarm);
        return event;
    }

    /**
     * The event's UID: the same event of the same account always gets the same one (a renewal
     * of one subscription at one instant), globally unique by the account and the app's domain.
     */
    public static String uid(UpcomingEvent e, String accountId) {
        return safe(e.id()) + "." + safe(accountId) + "@coursedesk.app";
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** "Coursera Plus — renews: £319.00". */
    String summary(UpcomingEvent e) {
        String amount = amount(e.amount());
        return switch (e.kind()) {
            case TRIAL_CONVERSION -> messages.get("paperwork.calendar.summary.trialConversion", e.title(), amount);
            case RENEWAL -> messages.get("paperwork.calendar.summary.renewal", e.title(), amount);
            case PAYMENT_RETRY -> messages.get("paperwork.calendar.summary.paymentRetry", e.title(), amount);
            case REFUND_WINDOW_CLOSES -> messages.get("paperwork.calendar.summary.refundWindow", e.title(), amount);
            case ACCESS_ENDS -> messages.get("paperwork.calendar.summary.accessEnds", e.title());
            case RESTART_REMINDER -> messages.get("paperwork.calendar.summary.restartReminder", e.title(), amount);
        };
    }

    /** What happens, when, and what to do before it. */
    String description(UpcomingEvent e) {
        // The name alone: the event's start is written as an exact instant, which calendars show in their own zone.
        String when = words.dateTimeWithZone(e.at());
        String amount = amount(e.amount());
        String text = switch (e.kind()) {
            case TRIAL_CONVERSION -> messages.get("paperwork.calendar.description.trialConversion", e.title(), when,
                    amount);
            case RENEWAL -> messages.get("paperwork.calendar.description.renewal", e.title(), when, amount);
            case PAYMENT_RETRY -> messages.get("paperwork.calendar.description.paymentRetry", e.title(), when, amount);
            case REFUND_WINDOW_CLOSES -> messages.get("paperwork.calendar.description.refundWindow", e.title(), when,
                    amount);
            case ACCESS_ENDS -> messages.get("paperwork.calendar.description.accessEnds", e.title(), when);
            case RESTART_REMINDER -> messages.get("paperwork.calendar.description.restartReminder", e.title(), when,
                    amount);
        };
        return text + "\n\n" + messages.get("paperwork.calendar.description.footer");
    }

    private String amount(Money money) {
        return money == null ? messages.get("paperwork.calendar.amountUnknown") : words.money(money);
    }
}
