package com.coursedesk.service.paperwork;

import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.subscriptions.SubscriptionFixtures;
import com.coursedesk.service.upcoming.UpcomingEvent;
import com.coursedesk.service.upcoming.UpcomingEventKind;
import com.coursedesk.service.upcoming.UpcomingEvents;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.coursedesk.service.subscriptions.SubscriptionFixtures.DAY;
import static com.coursedesk.service.subscriptions.SubscriptionFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The calendar file read back with ical4j's own parser: one event per money event, at its instant. */
class CalendarExportTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    /** Every kind of coming money event, as the Upcoming screen lists them. */
    static List<UpcomingEvent> events() {
        Subscription trial = SubscriptionFixtures.trial();
        Subscription active = SubscriptionFixtures.subscription("sub_active").title("Coursera Plus")
                .nextPayment(NOW.plus(DAY.multipliedBy(6)), com.coursedesk.domain.Money.of(31900, "GBP")).build();
        Subscription japanese = SubscriptionFixtures.subscription("sub_jp").title("機械学習入門：東京大学の公開講座、第二版")
                .nextPayment(NOW.plus(DAY.multipliedBy(4)), com.coursedesk.domain.Money.of(4900, "JPY")).build();
        Subscription ended = SubscriptionFixtures.ended();
        var refundable = SubscriptionFixtures.webPurchase("pur_1", NOW.minus(DAY.multipliedBy(5)),
                NOW.plus(DAY.multipliedBy(9)), PurchaseStatus.PAID);
        return UpcomingEvents.from(List.of(trial, active, japanese, SubscriptionFixtures.pastDue(),
                SubscriptionFixtures.setToEnd(), ended), List.of(refundable),
                Map.of(ended.id(), LocalDate.of(2026, 6, 1)), NOW, LONDON);
    }

    private Calendar exportAndParse(List<UpcomingEvent> events, String accountId, int reminderDays)
            throws IOException, ParserException {
        Path file = dir.resolve(accountId + ".ics");
        new CalendarExport(PaperworkTexts.load(Locale.UK), LONDON, Clock.fixed(NOW, ZoneOffset.UTC)).save(events,
                new Learner(accountId, "Ada Lovelace", "ada@example.com", "Demo (built-in sandbox)"), reminderDays,
                file);
        try (InputStream in = Files.newInputStream(file)) {
            return new CalendarBuilder().build(in);
        }
    }

    @Test
    void everyMoneyEventIsOneCalendarEventAtItsInstant() throws Exception {
        List<UpcomingEvent> events = events();
        assertThat(events).extracting(UpcomingEvent::kind).contains(UpcomingEventKind.values());

        Calendar calendar = exportAndParse(events, "acc_ada", 3);

        List<VEvent> parsed = calendar.getComponents(Component.VEVENT);
        assertThat(parsed).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            UpcomingEvent expected = events.get(i);
            VEvent event = parsed.get(i);
            assertThat(value(event, Property.UID)).isEqualTo(CalendarExport.uid(expected, "acc_ada"));
            DtStart<?> start = event.getRequiredProperty(Property.DTSTART);
            assertThat(Instant.from(start.getDate())).as(expected.id()).isEqualTo(expected.at());
            assertThat(start.getValue()).endsWith("Z");
            assertThat(value(event, Property.SUMMARY)).contains(expected.title());
            if (expected.amount() != null) {
                assertThat(value(event, Property.SUMMARY)).contains(expected.amount().format(Locale.UK));
            }
            List<VAlarm> alarms = event.getAlarms();
            assertThat(alarms).hasSize(1);
            Trigger trigger = alarms.get(0).getRequiredProperty(Property.TRIGGER);
            assertThat(trigger.getValue()).isEqualTo("-P3D");
            assertThat(value(alarms.get(0), Property.ACTION)).isEqualTo("DISPLAY");
        }
        assertThat(value(calendar, Property.PRODID)).isEqualTo(CalendarExport.PRODUCT_ID);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
    }

    @Test
    void descriptionsSayWhatToDoBeforeTheEvent() throws Exception {
        Calendar calendar = exportAndParse(events(), "acc_ada", 3);
        List<VEvent> parsed = calendar.getComponents(Component.VEVENT);

        VEvent trial = byUid(parsed, "trial_conversion-sub_trial");
        assertThat(value(trial, Property.SUMMARY))
                .isEqualTo("Machine Learning Specialization: free trial ends, first payment £39.00");
        assertThat(value(trial, Property.DESCRIPTION))
                .contains("3 May 2026, 11:00 (British Time)")
                .contains("Cancel before this date if you do not want to be charged £39.00.");
        assertThat(value(byUid(parsed, "renewal-sub_active"), Property.DESCRIPTION))
                .contains("Cancel before this date if you do not want to be charged £319.00.");
        assertThat(value(byUid(parsed, "refund_window_closes-pur_1"), Property.DESCRIPTION))
                .contains("Ask for your refund of £39.00 before then");
        assertThat(value(byUid(parsed, "access_ends-sub_set_to_end"), Property.DESCRIPTION))
                .contains("nothing more is charged");
        assertThat(value(byUid(parsed, "payment_retry-sub_past_due"), Property.SUMMARY)).contains("US$49.00");
        // Folded by octets in the file, whole again when read: no character is cut in two.
        assertThat(value(byUid(parsed, "renewal-sub_jp"), Property.SUMMARY))
                .isEqualTo("機械学習入門：東京大学の公開講座、第二版: renews, JP¥4,900 charged");
        assertThat(value(byUid(parsed, "restart_reminder-sub_ended"), Property.DESCRIPTION))
                .contains("Restarting charges €45.00");
    }

    @Test
    void uidsAreStableAcrossExportsAndDifferPerAccount() throws Exception {
        List<String> first = uids(exportAndParse(events(), "acc_ada", 3));
        List<String> again = uids(exportAndParse(events(), "acc_ada", 1));
        List<String> other = uids(exportAndParse(events(), "acc_eve", 3));

        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates().doesNotContainAnyElementsOf(other);
    }

    @Test
    void theFileIsFoldedCrlfICalendarAndTheReminderFollowsTheSetting() throws Exception {
        Calendar calendar = exportAndParse(events(), "acc_ada", 0);
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT).get(0).getAlarms().get(0)
                .<Trigger>getRequiredProperty(Property.TRIGGER).getValue()).isIn("P0D", "PT0S", "-P0D");

        byte[] raw = Files.readAllBytes(dir.resolve("acc_ada.ics"));
        String text = new String(raw, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nBEGIN:VEVENT\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    private static VEvent byUid(List<VEvent> events, String prefix) {
        return events.stream().filter(e -> value(e, Property.UID).startsWith(prefix)).findFirst().orElseThrow();
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream().map(e -> value(e, Property.UID)).toList();
    }

    private static String value(net.fortuna.ical4j.model.PropertyListAccessor owner, String name) {
        return owner.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }
}
