package com.coursedesk.sandbox;

import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.SCALE;
import static com.coursedesk.sandbox.SandboxFixture.str;
import static com.coursedesk.sandbox.SandboxFixture.title;
import static org.assertj.core.api.Assertions.assertThat;

/** The seeded demo data covers every state the contract names, and scales on request. */
class SandboxSeedTest {

    private static SandboxFixture fx;
    private static Snapshot ada;

    @BeforeAll
    static void start() {
        fx = SandboxFixture.start();
        ada = fx.fullSync(fx.signIn(ADA));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void adaHasEverySubscriptionState() {
        Collection<JsonObject> subs = ada.subscriptions().values();
        assertThat(subs).extracting(s -> str(s, "status"))
                .contains("trialing", "active", "past_due", "canceled");
        assertThat(subs).as("an active subscription set to end")
                .anyMatch(s -> str(s, "status").equals("active") && s.get("cancelAtPeriodEnd").getAsBoolean());
        assertThat(subs).as("an active subscription that renews")
                .anyMatch(s -> str(s, "status").equals("active") && !s.get("cancelAtPeriodEnd").getAsBoolean());
        assertThat(subs).extracting(s -> str(s.getAsJsonObject("plan"), "interval")).contains("month", "year");
        assertThat(subs).extracting(s -> str(s, "channel")).contains("web", "app_store", "google_play");
    }

    @Test
    void adaHasEveryChannelCurrencyProductTypeAndPaymentStatus() {
        Collection<JsonObject> purchases = ada.purchases().values();
        assertThat(purchases).extracting(p -> str(p, "channel")).contains("web", "app_store", "google_play");
        assertThat(purchases).extracting(p -> str(p, "status")).contains("paid", "refunded", "pending", "failed");
        assertThat(purchases).extracting(p -> str(p, "kind")).contains("one_time", "subscription_payment");

        Set<String> currencies = new HashSet<>();
        Set<String> types = new HashSet<>();
        Stream.concat(purchases.stream(), ada.subscriptions().values().stream()).forEach(r -> {
            types.add(str(r.getAsJsonObject("product"), "type"));
            if (r.has("total")) {
                currencies.add(str(r.getAsJsonObject("total"), "currency"));
            } else {
                currencies.add(str(r.getAsJsonObject("plan").getAsJsonObject("price"), "currency"));
            }
        });
        assertThat(currencies).contains("GBP", "USD", "EUR", "JPY");
        assertThat(types).contains("course", "specialization", "professional_certificate", "plus",
                "guided_project", "degree");
        assertThat(purchases).as("a non-ASCII title")
                .anyMatch(p -> title(p).chars().anyMatch(c -> c > 127));
        assertThat(purchases).as("a JPY amount has no minor unit").anyMatch(p ->
                str(p.getAsJsonObject("total"), "currency").equals("JPY")
                        && p.getAsJsonObject("total").get("amountMinor").getAsLong() == 4900);
    }

    @Test
    void refundedPurchasesSayWhen() {
        assertThat(ada.purchases().values()).filteredOn(p -> str(p, "status").equals("refunded"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(str(p, "refundedAt")).isNotNull());
        assertThat(ada.purchases().values()).filteredOn(p -> !str(p, "status").equals("refunded"))
                .allSatisfy(p -> assertThat(p.get("refundedAt").isJsonNull()).isTrue());
    }

    @Test
    void theScaleAccountGrowsWithThePurchasesOption() {
        try (SandboxFixture big = SandboxFixture.start(SandboxOptions.forTests().withScalePurchases(5000))) {
            Snapshot scale = big.fullSync(big.signIn(SCALE));
            assertThat(scale.purchases().size()).isGreaterThanOrEqualTo(5000);
        }
        assertThat(fx.fullSync(fx.signIn(SCALE)).purchases().size()).as("the default scale")
                .isGreaterThanOrEqualTo(SandboxOptions.DEFAULT_SCALE_PURCHASES).isLessThan(5000);
    }
}
