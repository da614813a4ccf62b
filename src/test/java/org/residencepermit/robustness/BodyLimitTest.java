package org.residencepermit.robustness;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * quarkus.http.limits.max-body-size (64K) beyond DecisionApiTest's Content-Length case (413 problem+json from
 * BodyLimitHandler): a chunked upload (no Content-Length, so the size is only known while reading) is refused with
 * 413 by the HTTP layer, and a body just under the limit is read and answered normally.
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
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] body = REQUEST.formatted("W".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        // A raw socket: Transfer-Encoding: chunked, no Content-Length, so the size is only known while reading.
        try (Socket socket = new Socket(decisions.getHost(), decisions.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + decisions.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                for (int offset = 0; offset < body.length; offset += 8192) {
                    int length = Math.min(8192, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // The server may answer and close before the whole body is sent; its answer is still readable.
            }
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
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
