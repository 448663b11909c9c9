package com.coursedesk.data.api;

import com.coursedesk.data.api.StubHttpServer.Canned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sync answer's quick look ({@link SyncFetch#continuation()}), which lets the sync ask for the
 * next page before parsing this one, and its full reading ({@link SyncFetch#page()}).
 */
class SyncFetchTest {

    private StubHttpServer stub;
    private BillingApiClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new StubHttpServer();
        client = BillingApiClient.builder(stub.baseUri()).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static String continuation(String body) {
        return SyncFetch.continuation(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCursorIsReadWithoutParsingTheRecordsAndAgreesWithThePage() {
        stub.enqueue(Canned.json(200, ApiFixtures.SYNC_PAGE));

        SyncFetch fetched = client.fetchSync("at-1", "c-41", 500);

        assertThat(fetched.continuation()).isEqualTo("c-42");
        assertThat(fetched.serverDate()).isNotNull();
        SyncPage page = fetched.page();
        assertThat(page.cursor()).isEqualTo(fetched.continuation());
        assertThat(page.hasMore()).isTrue();
        assertThat(page.purchases()).hasSize(2);
        assertThat(page.serverDate()).isEqualTo(fetched.serverDate());
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theLastPageHasNoContinuation() {
        assertThat(continuation("{\"purchases\":[],\"subscriptions\":[],\"deleted\":[],"
                + "\"cursor\":\"c9\",\"hasMore\":false,\"remaining\":0}")).isNull();
    }

    @Test
    void fieldsMayComeInAnyOrderAndWithAnySpacing() {
        assertThat(continuation(" {\n\t\"hasMore\" :\ttrue ,\r\n \"cursor\" : \"c-1\", \"purchases\" : [ ] } "))
                .isEqualTo("c-1");
        assertThat(continuation("{\"cursor\":\"c-2\",\"remaining\":3,\"purchases\":[{\"x\":[1,{\"y\":\"]}\"}]}],"
                + "\"hasMore\":true}")).isEqualTo("c-2");
    }

    @Test
    void aCursorInsideARecordIsNotTheFeedsCursor() {
        String body = "{\"purchases\":[{\"id\":\"p\",\"cursor\":\"inner\",\"hasMore\":true,"
                + "\"note\":\"\\\"cursor\\\": \\\"x\\\"\"}],\"cursor\":\"outer\",\"hasMore\":true}";
        assertThat(continuation(body)).isEqualTo("outer");
        assertThat(continuation("{\"purchases\":[{\"cursor\":\"inner\",\"hasMore\":true}],\"hasMore\":true}"))
                .as("no cursor at the top").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "null",
            "[]",
            "{\"cursor\":\"c\",\"hasMore\":true",
            "{\"cursor\":\"c\",\"hasMore\":\"true\"}",
            "{\"cursor\":\"c\\u002d1\",\"hasMore\":true}",
            "{\"cursor\":17,\"hasMore\":true}",
            "{\"purchases\":[{\"id\":\"unterminated}],\"cursor\":\"c\",\"hasMore\":true}",
            "{cursor:\"c\",\"hasMore\":true}",
            "<html><body>Welcome to the hotel Wi-Fi</body></html>"})
    void anythingUnusualHasNoContinuationSoTheSyncWaitsForTheFullReading(String body) {
        assertThat(continuation(body)).isNull();
    }

    @Test
    void anUnreadablePageFailsWhenReadNotWhenFetched() {
        stub.enqueue(Canned.json(200,
                ApiFixtures.SYNC_PAGE.replace("\"status\": \"paid\"", "\"status\": \"chargeback\"")));

        SyncFetch fetched = client.fetchSync("at-1", null, 500);

        assertThat(fetched.continuation()).as("the quick look is only a hint").isEqualTo("c-42");
        assertThatThrownBy(fetched::page).isInstanceOf(ApiProtocolException.class)
                .hasMessageContaining("purchases[0].status");
    }

    @Test
    void aCutShortPageHasNoContinuationAndFailsWhenRead() {
        stub.enqueue(Canned.json(200, ApiFixtures.SYNC_PAGE.substring(0, ApiFixtures.SYNC_PAGE.length() / 2)));

        SyncFetch fetched = client.fetchSync("at-1", null, 500);

        assertThat(fetched.continuation()).isNull();
        assertThatThrownBy(fetched::page).isInstanceOf(ApiProtocolException.class);
    }
}
