package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.KENJI;
import static com.coursedesk.sandbox.SandboxFixture.SCALE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync page's lists hold exactly the feed's rows after the cursor, in sequence order, each
 * record's stored JSON byte for byte: purchases, then the other records, then the deletions,
 * as the page was built row by row before SQLite joined the JSON itself.
 */
class SandboxFeedPageTest {

    @Test
    void pagesHoldTheFeedsRowsInOrderAsStored() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.forTests().withScalePurchases(300))) {
            String ada = fx.signIn(ADA);
            // Deletions and a changed subscription, so that records of all kinds interleave in the feed.
            JsonObject all = JsonParser.parseString(fx.get("/v1/sync?limit=1000", ada).body()).getAsJsonObject();
            String purchase = all.getAsJsonArray("purchases").get(2).getAsJsonObject().get("id").getAsString();
            String subscription = all.getAsJsonArray("subscriptions").get(0).getAsJsonObject().get("id").getAsString();
            String other = all.getAsJsonArray("subscriptions").get(1).getAsJsonObject().get("id").getAsString();
            fx.control("POST", "/_sandbox/records/" + purchase + "/delete", null);
            fx.control("POST", "/_sandbox/subscriptions/" + other + "/price",
                    "{\"amountMinor\": 5100, \"currency\": \"GBP\"}");
            fx.control("POST", "/_sandbox/records/" + subscription + "/delete", null);
            fx.control("POST", "/_sandbox/accounts/" + ADA + "/purchases",
                    "{\"title\": \"Écologie 101\", \"amountMinor\": 3900, \"currency\": \"EUR\"}");

            int pages = 0;
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + fx.server().dataFile())) {
                for (String email : new String[] {ADA, KENJI, SCALE}) {
                    String token = email.equals(ADA) ? ada : fx.signIn(email);
                    for (int limit : new int[] {1, 5, 1000}) {
                        String cursor = null;
                        boolean more = true;
                        while (more) {
                            Response r = fx.get("/v1/sync?limit=" + limit + (cursor == null ? ""
                                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
                            assertThat(r.status()).isEqualTo(200);
                            String[] account = account(cursor, r.body());
                            long after = cursor == null ? 0 : Long.parseLong(account[1]);
                            String lists = r.body().substring(0, r.body().indexOf("],\"cursor\":"));
                            assertThat(lists).isEqualTo(expectedLists(db, account[0], after, limit));
                            JsonObject page = JsonParser.parseString(r.body()).getAsJsonObject();
                            cursor = page.get("cursor").getAsString();
                            more = page.get("hasMore").getAsBoolean();
                            pages++;
                        }
                    }
                }
            }
            assertThat(pages).isGreaterThan(20);
        }
    }

    /** The account id and position a cursor names (the next cursor's, for the first page). */
    private static String[] account(String cursor, String body) {
        String c = cursor != null ? cursor : JsonParser.parseString(body).getAsJsonObject().get("cursor").getAsString();
        String payload = new String(Base64.getUrlDecoder().decode(c.substring(0, c.indexOf('.'))),
                StandardCharsets.UTF_8);
        return payload.split("\\|");
    }

    /** The lists as the page was built before: row by row from the feed's rows. */
    private static String expectedLists(Connection db, String accountId, long after, int limit) throws Exception {
        List<String> purchases = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT type, id, deleted, json FROM records "
                + "WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, accountId);
            ps.setLong(2, after);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(3) != 0) {
                        deleted.add("{\"type\":\"" + rs.getString(1) + "\",\"id\":"
                                + SandboxJson.GSON.toJson(rs.getString(2)) + "}");
                    } else if (rs.getString(1).equals("purchase")) {
                        purchases.add(rs.getString(4));
                    } else {
                        others.add(rs.getString(4));
                    }
                }
            }
        }
        return "{\"purchases\":[" + String.join(",", purchases) + "],\"subscriptions\":[" + String.join(",", others)
                + "],\"deleted\":[" + String.join(",", deleted);
    }
}
