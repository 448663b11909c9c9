package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.ZoneNames;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Money, times and the words for a purchase's states, as the documents write them: in the
 * learner's language and time zone, with the zone named (a printed receipt travels).
 */
final class DocumentWords {

    private final PaperworkTexts messages;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private String zoneName;

    DocumentWords(PaperworkTexts messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        Locale locale = messages.locale();
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
    }

    PaperworkTexts messages() {
        return messages;
    }

    ZoneId zone() {
        return zone;
    }

    /** The zone as the learner knows it: "Central European Time", "hora de Europa central", "UTC". */
    String zoneName() {
        if (zoneName == null) {
            zoneName = ZoneNames.name(zone, messages.locale());
        }
        return zoneName;
    }

    /**
     * The zone exactly, for a page that travels (a name is shared by zones with different pasts):
     * "Central European Time (Europe/Paris)"; "UTC" and "UTC+05:30" alone, already exact.
     */
    String zoneWithId() {
        return ZoneNames.nameIsExact(zone) ? zoneName()
                : messages.get("paperwork.zoneWithId", zoneName(), zone.getId());
    }

    String money(Money money) {
        return money.format(messages.locale());
    }

    /** "3 May 2026". */
    String date(Instant instant) {
        return date.format(instant);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /** "3 May 2026, 14:05", in the learner's zone (left unnamed). */
    String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    /**
     * "3 May 2026, 14:05 (British Time)": the name alone, as each document also names the zone
     * with its id once (a footer, a heading) and a row with the id on every line is hard to read.
     */
    String dateTimeWithZone(Instant instant) {
        return messages.get("paperwork.dateTimeInZone", dateTime.format(instant), zoneName());
    }

    /** The exact instant in UTC, unambiguous wherever it is read: "2026-05-03T13:05:00Z". */
    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String status(PurchaseStatus status) {
        return switch (status) {
            case PAID -> messages.get("paperwork.status.paid");
            case PENDING -> messages.get("paperwork.status.pending");
            case FAILED -> messages.get("paperwork.status.failed");
            case REFUNDED -> messages.get("paperwork.status.refunded");
        };
    }

    String channel(Channel channel) {
        return switch (channel) {
            case WEB -> messages.get("paperwork.channel.web");
            case APP_STORE -> messages.get("paperwork.channel.appStore");
            case GOOGLE_PLAY -> messages.get("paperwork.channel.googlePlay");
        };
    }

    String type(ProductType type) {
        return switch (type) {
            case COURSE -> messages.get("paperwork.type.course");
            case SPECIALIZATION -> messages.get("paperwork.type.specialization");
            case PROFESSIONAL_CERTIFICATE -> messages.get("paperwork.type.professionalCertificate");
            case PLUS -> messages.get("paperwork.type.plus");
            case GUIDED_PROJECT -> messages.get("paperwork.type.guidedProject");
            case DEGREE -> messages.get("paperwork.type.degree");
        };
    }

    String kind(PurchaseKind kind) {
        return switch (kind) {
            case ONE_TIME -> messages.get("paperwork.kind.oneTime");
            case SUBSCRIPTION_PAYMENT -> messages.get("paperwork.kind.subscriptionPayment");
        };
    }

    /** The method as the provider masked it: "Visa •••• 4242", "PayPal a***@example.com". */
    String paymentMethod(PaymentMethod method) {
        if (method instanceof PaymentMethod.Card card) {
            return messages.get("paperwork.payment.card", card.brandName(), card.last4());
        }
        return messages.get("paperwork.payment.paypal", ((PaymentMethod.PayPal) method).maskedEmail());
    }
}
