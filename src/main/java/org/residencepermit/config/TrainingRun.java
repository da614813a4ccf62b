package org.residencepermit.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Jurisdiction;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * With {@code decision.training-run=true} the service, once started, decides every case of its rules directory
 * through its own HTTP endpoint, then exits (status 1 if any answer was a server error). The image's build runs it
 * under {@code -XX:ArchiveClassesAtExit}: the classes a first decision needs (Quarkus, Vert.x, Jackson, Drools, the
 * engine) then come from a class-data archive made by the image's own JVM, and the first decision after a start
 * comes 0.4-0.5 s sooner at no cost in resident memory (bench/RESULTS.md, session 13). The image has no HTTP client,
 * hence the service drives its own training.
 */
@ApplicationScoped
public class TrainingRun {
    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Besides the decisions: the other endpoints a client or an operator calls first. */
    private static final List<String> OTHER_PATHS = List.of("/q/health/ready", "/q/health/live",
            "/api/v1/jurisdictions", "/api/v1/documents", "/api/v1/channels", "/api/v1/rules", "/q/openapi",
            "/q/metrics");

    void start(@Observes StartupEvent event, DecisionConfig config, DecisionEngine engine,
               @ConfigProperty(name = "quarkus.http.port") int port) {
        if (!config.trainingRun()) {
            return;
        }
        Thread training = new Thread(() -> Quarkus.asyncExit(train(engine, port, config.apiKey())), "training-run");
        training.setDaemon(true);
        training.start();
    }

    static int train(DecisionEngine engine, int port, Optional<String> apiKey) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String base = "http://127.0.0.1:" + port;
        int requests = 0;
        int serverErrors = 0;
        try {
            for (String path : OTHER_PATHS) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
                serverErrors += isServerError(send(client, request, apiKey));
                requests++;
            }
            for (Jurisdiction jurisdiction : engine.ruleBase().jurisdictions()) {
                for (TestCase testCase : CaseFiles.load(engine.rulesDirectory(), jurisdiction.id())) {
                    // Every tenth with the trace, so that its classes are in the archive too.
                    String query = requests % 10 == 0 ? "?explain=true" : "";
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions" + query))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(testCase.request().toString()));
                    serverErrors += isServerError(send(client, request, apiKey));
                    requests++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The exit status fails the image's build; the cause is all the log needs.
            LOG.warnf("Training run stopped after %d requests: %s", requests, e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        LOG.infof("Training run: %d requests, %d server errors", requests, serverErrors);
        return serverErrors == 0 ? 0 : 1;
    }

    private static int send(HttpClient client, HttpRequest.Builder request, Optional<String> apiKey)
            throws IOException, InterruptedException {
        apiKey.ifPresent(key -> request.header("X-API-Key", key));
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int isServerError(int status) {
        return status >= 500 ? 1 : 0;
    }
}
