package org.roadmapledger.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the benchmark takes a service's views as caught up: only when its lag metric says so, or when it answers
 * that it has no such metric; a service that does not answer is waited for until the timeout.
 */
class ServiceTest {

    private static final String LAG = "/actuator/metrics/ledger.processor.lag";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_service_whose_lag_falls_to_zero_is_caught_up_once_it_does() throws Exception {
        // given a lag of 3 events for the first two readings, then none
        AtomicInteger readings = new AtomicInteger();
        String url = serve(exchange -> answer(exchange, 200,
                "{\"measurements\":[{\"statistic\":\"VALUE\",\"value\":" + (readings.incrementAndGet() <= 2 ? 3.0 : 0.0)
                        + "}]}"));

        // when
        double behind = service(url).awaitProjections(Duration.ofSeconds(10));

        // then
        assertThat(behind).isZero();
        assertThat(readings).hasValueGreaterThanOrEqualTo(3);
    }

    @Test
    void a_service_that_answers_it_has_no_lag_metric_is_taken_as_caught_up() throws Exception {
        // given the peer baseline's answer: 404
        String url = serve(exchange -> answer(exchange, 404, "{}"));

        // when
        double behind = service(url).awaitProjections(Duration.ofSeconds(10));

        // then
        assertThat(behind).isZero();
    }

    @Test
    void a_service_that_fails_to_answer_is_waited_for_and_never_taken_as_caught_up() throws Exception {
        // given a service out of heap, answering 503
        String failing = serve(exchange -> answer(exchange, 503, ""));

        // when
        double behind = service(failing).awaitProjections(Duration.ofMillis(800));

        // then
        assertThat(behind).isNaN();
    }

    @Test
    void a_service_that_no_longer_listens_is_waited_for_and_never_taken_as_caught_up() throws Exception {
        // given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // when
        double behind = service("http://127.0.0.1:" + port).awaitProjections(Duration.ofMillis(800));

        // then
        assertThat(behind).isNaN();
    }

    private String serve(Handler lag) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(LAG, exchange -> {
            try (exchange) {
                lag.handle(exchange);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Service service(String url) {
        return Service.remote(new LedgerHttp(url, url, new BenchTokens(url, Optional.empty(), Optional.of("t"))));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
