package org.residencepermit.robustness;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.residencepermit.api.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
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
