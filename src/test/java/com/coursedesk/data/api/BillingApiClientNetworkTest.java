package com.coursedesk.data.api;

import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Network failures mid-exchange all become {@link ApiUnreachableException}, never a hang. */
class BillingApiClientNetworkTest {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private BillingApiClient client(RawSocketServer server, RetryPolicy policy) {
        return BillingApiClient.builder(server.baseUri())
                .connectTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofMillis(400))
                .retryPolicy(policy)
                .sleeper(waits::add)
                .build();
    }

    private static void answerAccount(Socket socket) throws java.io.IOException {
        RawSocketServer.readHead(socket);
        byte[] body = ApiFixtures.ACCOUNT.getBytes(StandardCharsets.UTF_8);
        RawSocketServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n" + ApiFixtures.ACCOUNT);
        socket.close();
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            Thread.sleep(10_000);
        })) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client(server, RetryPolicy.none()).me("at"))
                    .isInstanceOf(ApiUnreachableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void bodyThatStallsAfterTheHeadersTimesOut() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            RawSocketServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"id\": \"acc_1\",");
            Thread.sleep(10_000);
        })) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client(server, RetryPolicy.none()).me("at"))
                    .isInstanceOf(ApiUnreachableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void connectionClosedMidBodyIsUnreachableAndAReadIsRetried() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            RawSocketServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"id\": \"acc_1\",");
            socket.close();
        }, BillingApiClientNetworkTest::answerAccount)) {
            assertThat(client(server, RetryPolicy.defaults()).me("at").id()).isEqualTo("acc_1");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(waits).hasSize(1);
        }
    }

    @Test
    void connectionClosedMidBodyWithoutRetriesIsUnreachable() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            RawSocketServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"id\": \"acc_1\", ");
            socket.close();
        })) {
            assertThatThrownBy(() -> client(server, RetryPolicy.none()).me("at"))
                    .isInstanceOf(ApiUnreachableException.class);
        }
    }

    @Test
    void connectionResetIsUnreachable() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            assertThatThrownBy(() -> client(server, RetryPolicy.none()).me("at"))
                    .isInstanceOf(ApiUnreachableException.class);
        }
    }

    @Test
    void actionIsRetriedAfterAResetButLoginIsNot() throws Exception {
        try (RawSocketServer server = new RawSocketServer(socket -> {
            RawSocketServer.readHead(socket);
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            BillingApiClient client = client(server, RetryPolicy.defaults());
            assertThatThrownBy(() -> client.login("a@b.c", "pw".toCharArray()))
                    .isInstanceOf(ApiUnreachableException.class);
            assertThat(waits).isEmpty();
            assertThatThrownBy(() -> client.restartSubscription("at", "sub_1", "key-1"))
                    .isInstanceOf(ApiUnreachableException.class);
            assertThat(waits).hasSize(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1);
        }
    }
}
