package com.coursedesk.sandbox;

import com.google.gson.JsonObject;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a new sandbox with demo accounts whose histories cover every state the contract
 * names: every subscription state, monthly and yearly plans, every product type and channel,
 * several currencies (JPY has no minor unit), non-ASCII titles, and refunded, pending and
 * failed payments. Deterministic for a given seed, relative to the clock at seeding time.
 */
final class SandboxSeeder {

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("ada@example.com", "learn-ada-2026", "Ada Lovelace",
                    "GBP; every subscription state, all channels, GBP/USD/EUR/JPY/CNY, refunds"),
            new DemoAccount("kenji@example.jp", "learn-kenji-2026", "山田 健二",
                    "JPY (no minor unit); a yearly trial and Japanese titles"),
            new DemoAccount("bob@example.com", "learn-bob-2026", "Bob Smith",
                    "USD; his card is always declined (restart answers 402, renewals fail)"),
            new DemoAccount("eve@example.com", "learn-eve-2026", "Eve Müller",
                    "EUR; a small second account, for isolation"),
            new DemoAccount("scale@example.com", "learn-scale-2026", "Scale Tester",
                    "USD; as many purchases as --purchases asks"));

    private static final Duration DAY = Duration.ofDays(1);

    private final SandboxStore store;
    private final SandboxBilling billing;
    private final Random random;
    private final SandboxBilling.Ids ids;
    private final Instant now;
    private final java.util.Map<String, JsonObject> paymentMethods = new java.util.HashMap<>();

    SandboxSeeder(SandboxStore store, SandboxBilling billing, SandboxBilling.Ids ids, Random random, Instant now) {
        this.store = store;
        this.billing = billing;
        this.ids = ids;
        this.random = random;
        this.now = now;
    }

    void seed(int scalePurchases) {
        seedAda(account(ACCOUNTS.get(0), "GB", "GBP", "en-GB", card("visa", "4242"), false, 900));
        seedKenji(account(ACCOUNTS.get(1), "JP", "JPY", "ja-JP", card("jcb", "0005"), false, 400));
        seedBob(account(ACCOUNTS.get(2), "US", "USD", "en-US", card("mastercard", "0341"), true, 300));
        seedEve(account(ACCOUNTS.get(3), "DE", "EUR", "de-DE", paypal("e***@example.com"), false, 200));
        seedScale(account(ACCOUNTS.get(4), "US", "USD", "en-US", card("amex", "8431"), false, 2000), scalePurchases);
    }

    // ----- accounts -----

    private String account(DemoAccount demo, String country, String currency, String locale,
                           JsonObject paymentMethod, boolean cardDeclines, int ageDays) {
        Records.Account a = new Records.Account();
        a.id = ids.next("acc_");
        a.email = demo.email();
        a.displayName = demo.displayName();
        a.country = country;
        a.currency = currency;
        a.locale = locale;
        a.createdAt = now.minus(DAY.multipliedBy(ageDays));
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        store.insertAccount(new SandboxStore.AccountRow(a.id, a.email, salt,
                SandboxAuth.hashPassword(demo.password().toCharArray(), salt), cardDeclines,
                SandboxJson.GSON.toJson(paymentMethod), SandboxJson.GSON.toJson(a)));
        return a.id;
    }

    private static JsonObject card(String brand, String last4) {
        JsonObject pm = new JsonObject();
        pm.addProperty("type", "card");
        pm.addProperty("brand", brand);
        pm.addProperty("last4", last4);
        return pm;
    }

    private static JsonObject paypal(String maskedEmail) {
        JsonObject pm = new JsonObject();
        pm.addProperty("type", "paypal");
        pm.addProperty("email", maskedEmail);
        return pm;
    }

    // ----- ada: the rich demo -----

    private void seedAda(String acc) {
        Records.Product ml = product("Machine Learning Specialization", "specialization", "DeepLearning.AI & Stanford University");
        Records.Product plus = product("Coursera Plus", "plus", "Coursera");
        Records.Product gda = product("Google Data Analytics Professional Certificate", "professional_certificate", "Google");
        Records.Product dl = product("Deep Learning Specialization", "specialization", "DeepLearning.AI");
        Records.Product aa = product("Aprendizaje Automático", "specialization", "Universidad de los Andes");
        Records.Product ibm = product("IBM Data Science Professional Certificate", "professional_certificate", "IBM");
        Records.Product py = product("Python for Everybody", "specialization", "University of Michigan");
        Records.Product jp = product("機械学習入門", "course", "東京大学");

        // Free trial: first payment in four days.
        trial(acc, ml, "month", money(3900, "GBP"), "web", now.minus(DAY.multipliedBy(3)), Duration.ofDays(7));

        // Yearly plan whose price went up at the last renewal (£299 then £319).
        Records.Subscription plusSub = running(acc, plus, "year", money(31900, "GBP"), "web",
                now.minus(DAY.multipliedBy(193)), 2, Duration.ofDays(7));
        List<Records.Purchase> plusPayments = payments(acc, plusSub, 2);
        SandboxBilling.fillAmounts(plusPayments.get(0), money(29900, "GBP"));
        savePayments(acc, plusPayments);

        // Active, set to end: canceled two days ago, access until the period ends.
        Records.Subscription gdaSub = running(acc, gda, "month", money(3900, "GBP"), "web",
                now.minus(DAY.multipliedBy(20)), 5, null);
        gdaSub.cancelAtPeriodEnd = true;
        gdaSub.canceledAt = now.minus(DAY.multipliedBy(2));
        gdaSub.nextPaymentAt = null;
        gdaSub.nextPaymentAmount = null;
        saveSub(acc, gdaSub);
        savePayments(acc, payments(acc, gdaSub, 5));

        // Past due: yesterday's renewal failed; the provider retries in two days.
        Records.Subscription dlSub = running(acc, dl, "month", money(4900, "USD"), "web",
                now.minus(DAY), 4, Duration.ofDays(7));
        dlSub.status = "past_due";
        dlSub.nextPaymentAt = now.plus(DAY.multipliedBy(2));
        saveSub(acc, dlSub);
        List<Records.Purchase> dlPayments = payments(acc, dlSub, 4);
        Records.Purchase failed = dlPayments.get(dlPayments.size() - 1);
        failed.status = "failed";
        savePayments(acc, dlPayments);

        // Canceled: ended forty days ago.
        Instant ended = now.minus(DAY.multipliedBy(40));
        Records.Subscription aaSub = running(acc, aa, "month", money(4500, "EUR"), "web",
                minusMonths(ended, 1), 2, null);
        aaSub.status = "canceled";
        aaSub.canceledAt = ended.minus(DAY.multipliedBy(10));
        aaSub.endedAt = ended;
        aaSub.nextPaymentAt = null;
        aaSub.nextPaymentAmount = null;
        saveSub(acc, aaSub);
        savePayments(acc, payments(acc, aaSub, 2));

        // Bought in the stores: managed there.
        Records.Subscription ibmSub = running(acc, ibm, "month", money(3900, "GBP"), "app_store",
                now.minus(DAY.multipliedBy(12)), 5, null);
        saveSub(acc, ibmSub);
        savePayments(acc, payments(acc, ibmSub, 5));
        Records.Subscription pySub = running(acc, py, "month", money(3500, "GBP"), "google_play",
                now.minus(DAY.multipliedBy(20)), 2, null);
        saveSub(acc, pySub);
        savePayments(acc, payments(acc, pySub, 2));

        // A JPY subscription (no minor unit).
        Records.Subscription jpSub = running(acc, jp, "month", money(4900, "JPY"), "web",
                now.minus(DAY.multipliedBy(5)), 3, Duration.ofDays(7));
        saveSub(acc, jpSub);
        savePayments(acc, payments(acc, jpSub, 3));
        saveSub(acc, plusSub);

        List<Records.Purchase> oneTime = new ArrayList<>();
        oneTime.add(oneTime(acc, product("Introduction to Psychology", "course", "Yale University"),
                money(3900, "GBP"), "web", "paid", now.minus(DAY.multipliedBy(5))));
        oneTime.add(oneTime(acc, product("Build a Website with HTML, CSS and Bootstrap", "guided_project",
                "Coursera Project Network"), money(999, "GBP"), "web", "paid", now.minus(DAY.multipliedBy(30))));
        Records.Purchase refunded = oneTime(acc, product("Financial Markets", "course", "Yale University"),
                money(3900, "GBP"), "web", "refunded", now.minus(DAY.multipliedBy(100)));
        refunded.refundedAt = refunded.purchasedAt.plus(DAY.multipliedBy(4));
        oneTime.add(refunded);
        oneTime.add(oneTime(acc, product("Master of Computer Science in Data Science", "degree",
                "University of Illinois Urbana-Champaign"), money(540000, "GBP"), "web", "paid",
                now.minus(DAY.multipliedBy(300))));
        oneTime.add(oneTime(acc, product("Create Charts and Dashboards in Google Sheets", "guided_project",
                "Coursera Project Network"), money(999, "GBP"), "web", "pending", now.minus(Duration.ofHours(1))));
        oneTime.add(oneTime(acc, product("Writing in the Sciences", "course", "Stanford University"),
                money(3900, "GBP"), "web", "failed", now.minus(DAY.multipliedBy(60))));
        oneTime.add(oneTime(acc, product("Learning How to Learn", "course", "Deep Teaching Solutions"),
                money(2999, "GBP"), "app_store", "paid", now.minus(DAY.multipliedBy(10))));
        Records.Purchase chinese = oneTime(acc, product("数据科学基础", "course", "北京大学"),
                money(29900, "CNY"), "web", "paid", now.minus(DAY.multipliedBy(50)));
        chinese.paymentMethod = paypal("a***@example.com");
        oneTime.add(chinese);
        oneTime.add(oneTime(acc, product("The Science of Well-Being 😊", "course", "Yale University"),
                money(4900, "USD"), "web", "paid", now.minus(DAY.multipliedBy(200))));
        oneTime.add(oneTime(acc, product("Finanzas personales: ¿cómo ahorrar?", "course",
                "Universidad Nacional Autónoma de México"), money(2900, "EUR"), "web", "paid",
                now.minus(DAY.multipliedBy(400))));
        oneTime.add(oneTime(acc, product("Getting Started with Trello", "guided_project", "Coursera Project Network"),
                money(799, "GBP"), "google_play", "paid", now.minus(DAY.multipliedBy(150))));
        String[] older = {"Successful Negotiation", "The Data Scientist's Toolbox", "Introduction to Philosophy",
            "Calculus: Single Variable", "Modern Art & Ideas", "Astronomy: Exploring Time and Space",
            "Programming Languages, Part A", "Algorithms, Part I", "Introduction to Marketing",
            "Moralities of Everyday Life", "English for Career Development", "Music Theory",
            "Fundamentals of Graphic Design", "Design Thinking for Innovation", "Project Management Principles",
            "Bases de datos relacionales", "Économie du développement", "Grundlagen der Statistik",
            "Cloud Computing Basics", "Cybersecurity for Everyone", "Introduction to Genetics", "Game Theory"};
        String[] partners = {"University of Michigan", "Johns Hopkins University", "University of Edinburgh",
            "University of Pennsylvania", "The Museum of Modern Art", "University of Arizona",
            "University of Washington", "Princeton University", "Wharton School", "Yale University"};
        for (int i = 0; i < older.length; i++) {
            Instant at = now.minus(DAY.multipliedBy(420 + random.nextInt(700)));
            String status = i % 9 == 4 ? "refunded" : "paid";
            Records.Purchase p = oneTime(acc, product(older[i], "course", partners[i % partners.length]),
                    money(i % 5 == 0 ? 4900 : 3900, i % 7 == 3 ? "USD" : "GBP"), "web", status, at);
            if (status.equals("refunded")) {
                p.refundedAt = at.plus(DAY.multipliedBy(3));
            }
            oneTime.add(p);
        }
        savePayments(acc, oneTime);
    }

    // ----- the smaller accounts -----

    private void seedKenji(String acc) {
        Records.Product plus = product("Coursera Plus（年間プラン）", "plus", "Coursera");
        Records.Product dl = product("ディープラーニング入門", "specialization", "東京大学");
        trial(acc, plus, "year", money(59000, "JPY"), "web", now.minus(DAY.multipliedBy(8)), Duration.ofDays(14));
        Records.Subscription dlSub = running(acc, dl, "month", money(4900, "JPY"), "web",
                now.minus(DAY.multipliedBy(9)), 6, Duration.ofDays(7));
        saveSub(acc, dlSub);
        savePayments(acc, payments(acc, dlSub, 6));
        List<Records.Purchase> list = new ArrayList<>();
        list.add(oneTime(acc, product("Python入門", "course", "慶應義塾大学"), money(3900, "JPY"), "web", "paid",
                now.minus(DAY.multipliedBy(8))));
        list.add(oneTime(acc, product("データサイエンス概論", "course", "大阪大学"), money(5900, "JPY"), "app_store",
                "paid", now.minus(DAY.multipliedBy(70))));
        Records.Purchase refunded = oneTime(acc, product("統計学の基礎", "course", "京都大学"), money(4900, "JPY"),
                "web", "refunded", now.minus(DAY.multipliedBy(120)));
        refunded.refundedAt = refunded.purchasedAt.plus(DAY.multipliedBy(2));
        list.add(refunded);
        savePayments(acc, list);
    }

    private void seedBob(String acc) {
        Records.Product ds = product("Data Science Fundamentals", "specialization", "IBM");
        Records.Product ux = product("Google UX Design Professional Certificate", "professional_certificate", "Google");
        Instant ended = now.minus(DAY.multipliedBy(20));
        Records.Subscription dsSub = running(acc, ds, "month", money(4900, "USD"), "web", minusMonths(ended, 1), 3, null);
        dsSub.status = "canceled";
        dsSub.canceledAt = ended.minus(DAY.multipliedBy(5));
        dsSub.endedAt = ended;
        dsSub.nextPaymentAt = null;
        dsSub.nextPaymentAmount = null;
        saveSub(acc, dsSub);
        savePayments(acc, payments(acc, dsSub, 3));
        Records.Subscription uxSub = running(acc, ux, "month", money(4900, "USD"), "web",
                minusMonths(now.plus(DAY.multipliedBy(2)), 1), 2, null);
        saveSub(acc, uxSub);
        savePayments(acc, payments(acc, uxSub, 2));
        savePayments(acc, List.of(oneTime(acc, product("Foundations of Project Management", "course", "Google"),
                money(7900, "USD"), "web", "paid", now.minus(DAY.multipliedBy(3)))));
    }

    private void seedEve(String acc) {
        Records.Product plus = product("Coursera Plus", "plus", "Coursera");
        Records.Subscription sub = running(acc, plus, "month", money(5900, "EUR"), "web",
                now.minus(DAY.multipliedBy(11)), 3, Duration.ofDays(7));
        saveSub(acc, sub);
        savePayments(acc, payments(acc, sub, 3));
        savePayments(acc, List.of(oneTime(acc, product("Einführung in die Psychologie", "course",
                "Universität Zürich"), money(3900, "EUR"), "web", "paid", now.minus(DAY.multipliedBy(2)))));
    }

    private void seedScale(String acc, int count) {
        Records.Product plus = product("Coursera Plus", "plus", "Coursera");
        Records.Subscription sub = running(acc, plus, "month", money(5900, "USD"), "web",
                now.minus(DAY.multipliedBy(4)), 12, null);
        saveSub(acc, sub);
        savePayments(acc, payments(acc, sub, 12));
        trial(acc, product("AI For Everyone", "course", "DeepLearning.AI"), "month", money(4900, "USD"), "web",
                now.minus(DAY), Duration.ofDays(7));
        String[] subjects = {"Data Science", "Machine Learning", "Cálculo", "Psychology", "機械学習", "Marketing",
            "Finance", "Écologie", "Statistics", "Design", "Python", "Leadership", "数据结构", "Writing"};
        String[] types = {"course", "course", "course", "guided_project", "specialization",
            "professional_certificate"};
        String[] channels = {"web", "web", "web", "web", "app_store", "google_play"};
        String[] currencies = {"USD", "USD", "USD", "EUR", "GBP", "JPY"};
        List<String[]> rows = new ArrayList<>(Math.min(count, 10_000));
        long span = Duration.ofDays(5 * 365).toSeconds();
        for (int i = 0; i < count; i++) {
            String currency = currencies[random.nextInt(currencies.length)];
            long amount = currency.equals("JPY") ? 1000 + random.nextInt(20) * 500L : 999 + random.nextInt(90) * 100L;
            int roll = random.nextInt(100);
            String status = roll < 90 ? "paid" : roll < 95 ? "refunded" : roll < 98 ? "failed" : "pending";
            Instant at = now.minusSeconds(1 + (long) (random.nextDouble() * span));
            Records.Purchase p = oneTime(acc, product(subjects[i % subjects.length] + " " + (i + 1),
                    types[random.nextInt(types.length)], "Partner " + (1 + random.nextInt(200))),
                    money(amount, currency), channels[random.nextInt(channels.length)], status, at);
            if (status.equals("refunded")) {
                p.refundedAt = at.plus(DAY);
            }
            rows.add(new String[] {p.id, SandboxJson.GSON.toJson(p)});
            if (rows.size() == 10_000) {
                store.putRecords(acc, "purchase", rows);
                rows.clear();
            }
        }
        store.putRecords(acc, "purchase", rows);
    }

    // ----- builders -----

    private Records.Product product(String title, String type, String partner) {
        return new Records.Product(ids.next("prd_"), title, type, partner);
    }

    private static Records.Money money(long amountMinor, String currency) {
        return new Records.Money(amountMinor, currency);
    }

    private Records.Subscription newSub(Records.Product product, String interval, Records.Money price, String channel) {
        Records.Subscription s = new Records.Subscription();
        s.id = ids.next("sub_");
        s.product = product;
        s.plan = new Records.Plan();
        s.plan.id = ids.next("plan_");
        s.plan.interval = interval;
        s.plan.price = price;
        s.channel = channel;
        return s;
    }

    private void trial(String acc, Records.Product product, String interval, Records.Money price, String channel,
                       Instant startedAt, Duration trialLength) {
        Records.Subscription s = newSub(product, interval, price, channel);
        s.status = "trialing";
        s.startedAt = startedAt;
        s.trialEndsAt = startedAt.plus(trialLength);
        s.currentPeriodStart = startedAt;
        s.currentPeriodEnd = s.trialEndsAt;
        s.nextPaymentAt = s.trialEndsAt;
        s.nextPaymentAmount = price;
        saveSub(acc, s);
    }

    /**
     * A paid, running subscription whose current period began at {@code currentPeriodStart},
     * after {@code periods} paid periods (the first after a trial of {@code trial}, if any).
     */
    private Records.Subscription running(String acc, Records.Product product, String interval, Records.Money price,
                                         String channel, Instant currentPeriodStart, int periods, Duration trial) {
        Records.Subscription s = newSub(product, interval, price, channel);
        Instant firstPayment = currentPeriodStart;
        for (int i = 1; i < periods; i++) {
            firstPayment = interval.equals("year") ? minusYears(firstPayment, 1) : minusMonths(firstPayment, 1);
        }
        s.status = "active";
        s.trialEndsAt = trial == null ? null : firstPayment;
        s.startedAt = trial == null ? firstPayment : firstPayment.minus(trial);
        s.currentPeriodStart = currentPeriodStart;
        s.currentPeriodEnd = SandboxBilling.addInterval(currentPeriodStart, interval);
        s.nextPaymentAt = s.currentPeriodEnd;
        s.nextPaymentAmount = price;
        return s;
    }

    /** The paid history of {@code sub}: one payment per period, oldest first. */
    private List<Records.Purchase> payments(String acc, Records.Subscription sub, int periods) {
        List<Records.Purchase> out = new ArrayList<>();
        Instant at = sub.currentPeriodStart;
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            times.add(0, at);
            at = sub.plan.interval.equals("year") ? minusYears(at, 1) : minusMonths(at, 1);
        }
        for (int i = 0; i < times.size(); i++) {
            // Only a first payment taken without a free trial can be refunded (within 14 days).
            boolean refundable = i == 0 && sub.trialEndsAt == null;
            Records.Purchase p = billing.payment(acc, sub, times.get(i), "paid", refundable);
            p.updatedAt = times.get(i);
            out.add(p);
        }
        return out;
    }

    private Records.Purchase oneTime(String acc, Records.Product product, Records.Money price, String channel,
                                     String status, Instant at) {
        Records.Purchase p = new Records.Purchase();
        p.id = ids.next("pur_");
        p.kind = "one_time";
        p.product = product;
        SandboxBilling.fillAmounts(p, price);
        p.channel = channel;
        p.status = status;
        p.purchasedAt = at;
        // The stores run their own refunds; the web's window is 14 days.
        p.refundableUntil = channel.equals("web") ? at.plus(SandboxBilling.REFUND_WINDOW) : null;
        p.receiptNumber = billing.nextReceiptNumber(at);
        p.paymentMethod = paymentMethods.computeIfAbsent(acc, id -> com.google.gson.JsonParser.parseString(
                store.accountById(id).orElseThrow().paymentMethodJson()).getAsJsonObject());
        p.updatedAt = at;
        p.version = 1;
        return p;
    }

    private void saveSub(String acc, Records.Subscription s) {
        s.updatedAt = now;
        s.version = Math.max(1, s.version);
        store.putRecord(acc, "subscription", s.id, SandboxJson.GSON.toJson(s));
    }

    private void savePayments(String acc, List<Records.Purchase> list) {
        List<String[]> rows = new ArrayList<>();
        for (Records.Purchase p : list) {
            if (p.updatedAt == null) {
                p.updatedAt = p.purchasedAt;
            }
            p.version = Math.max(1, p.version);
            if (p.refundedAt != null && p.updatedAt.isBefore(p.refundedAt)) {
                p.updatedAt = p.refundedAt;
            }
            rows.add(new String[] {p.id, SandboxJson.GSON.toJson(p)});
        }
        store.putRecords(acc, "purchase", rows);
    }

    private static Instant minusMonths(Instant at, int months) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    private static Instant minusYears(Instant at, int years) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).minusYears(years).toInstant();
    }
}
