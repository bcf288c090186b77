package io.taskhub.sandbox;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** Sends a simulator the same API call several times at once, for the tests of its rationing. */
public final class RationedCalls {

    /** One answer and how long it took. */
    public record Answer(int status, String body, String retryAfter, HttpResponse<String> response, Duration took) {
    }

    // HTTP/1.1: one connection per call in flight, as the hub's clients do
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RationedCalls() {
    }

    public static Answer send(HttpRequest request) {
        return atOnce(1, request).get(0);
    }

    public static List<Answer> atOnce(int calls, HttpRequest request) {
        List<CompletableFuture<Answer>> answers = IntStream.range(0, calls).mapToObj(i -> {
            long start = System.nanoTime();
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Answer(response.statusCode(), response.body(),
                            response.headers().firstValue("Retry-After").orElse(null), response,
                            Duration.ofNanos(System.nanoTime() - start)));
        }).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
