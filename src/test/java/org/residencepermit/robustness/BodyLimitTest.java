package org.residencepermit.robustness;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.residencepermit.api.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * quarkus.http.limits.max-body-size (64K) beyond DecisionApiTest's Content-Length case: a chunked upload (no
 * Content-Length, so the size is only known while reading) over the limit gets the same 413 problem+json from
 * BodyLimitHandler, a small chunked upload is decided, and a body just under the limit is read and answered normally.
 */
@QuarkusTest
class BodyLimitTest {
    private static final String REQUEST = """
            {"asOf": "2024-07-15", "city": "OTHER", "cityName": "%s", "procedure": "FIRST_APPLICATION",
             "applicant": {"birthDate": "1990-05-20", "citizenship": "MAINLAND", "hukouCity": "XINYANG"},
             "registration": {"residenceRegistrationDate": "2024-01-15"}, "housing": {"housingType": "RENTED"}}
            """;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/decisions")
    URI decisions;

    @Inject
    Vertx vertx;

    @Test
    void chunkedBodyOverTheLimitIs413ProblemJson() throws Exception {
        String response = sendChunked(REQUEST.formatted("W".repeat(200_000)).getBytes(StandardCharsets.UTF_8), 8192);
        assertTrue(response.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), response);
        assertTrue(response.toLowerCase().contains("content-type: " + Problem.MEDIA_TYPE), response);
        assertTrue(response.contains("\"detail\":\"the body exceeds 65536 bytes\""), response);
    }

    @Test
    void chunkedBodyUnderTheLimitIsDecided() throws Exception {
        String response = sendChunked(REQUEST.formatted("WUHAN").getBytes(StandardCharsets.UTF_8), 100);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\"verdict\":\"ELIGIBLE\""), response);
    }

    /** Quarkus REST read bodies above 10 KB from a stream BodyLimitHandler had already read: valid JSON got a 400. */
    @Test
    void chunkedBodyOfTensOfKilobytesIsDecided() throws Exception {
        String padded = REQUEST.formatted("WUHAN").replace("\"procedure\"", " ".repeat(30_000) + "\"procedure\"");
        String response = sendChunked(padded.getBytes(StandardCharsets.UTF_8), 4096);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\"verdict\":\"ELIGIBLE\""), response);
    }

    /** An HTTP/2 body without a Content-Length got a 500: the request had been read before Quarkus REST paused it. */
    @Test
    void http2BodyWithoutContentLengthIsDecided() throws Exception {
        Answer answer = sendHttp2(REQUEST.formatted("WUHAN"), false);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"verdict\":\"ELIGIBLE\""), answer.body());
    }

    /** HTTP/2 forbids Connection: close; with it, an oversized body's 413 became a reset stream without a status. */
    @Test
    void http2BodyOverTheLimitIs413ProblemJson() throws Exception {
        Answer answer = sendHttp2(REQUEST.formatted("W".repeat(100_000)), true);
        assertEquals(413, answer.status(), answer.body());
        assertEquals(Problem.MEDIA_TYPE, answer.contentType());
        assertNull(answer.connection());
    }

    private record Answer(int status, String contentType, String connection, String body) {
    }

    /** Sends the body over HTTP/2 (prior knowledge, no upgrade), with or without a Content-Length. */
    private Answer sendHttp2(String body, boolean declareLength) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        try {
            Buffer bytes = Buffer.buffer(body);
            return client.request(HttpMethod.POST, decisions.getPort(), decisions.getHost(), decisions.getPath())
                    .compose(request -> {
                        request.putHeader("Content-Type", "application/json");
                        if (declareLength) {
                            request.putHeader("Content-Length", String.valueOf(bytes.length()));
                        } else {
                            request.setChunked(true);   // over HTTP/2: DATA frames without a Content-Length
                            request.write(bytes);
                        }
                        return (declareLength ? request.end(bytes) : request.end()).compose(sent -> request.response());
                    })
                    .compose(response -> response.body().map(received -> new Answer(response.statusCode(),
                            response.getHeader("Content-Type"), response.getHeader("Connection"),
                            received.toString())))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    /**
     * Sends the body with Transfer-Encoding: chunked and no Content-Length (so its size is only known while reading)
     * over a raw socket, and returns the whole response.
     */
    private String sendChunked(byte[] body, int chunkSize) throws IOException {
        try (Socket socket = new Socket(decisions.getHost(), decisions.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + decisions.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                for (int offset = 0; offset < body.length; offset += chunkSize) {
                    int length = Math.min(chunkSize, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // The server may answer and close before the whole body is sent; its answer is still readable.
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bodyJustUnderTheLimitIsDecided() {
        String body = REQUEST.formatted("W".repeat(60_000));
        given().contentType("application/json").body(body)
                .when().post("/api/v1/decisions")
                .then().statusCode(not(413)).statusCode(lessThan(500));
    }
}
