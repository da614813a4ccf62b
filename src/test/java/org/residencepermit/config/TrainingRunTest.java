package org.residencepermit.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.engine.DecisionEngine;

import java.net.ServerSocket;
import java.net.URL;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The image's training run decides the rules' cases through the service's own endpoint. */
@QuarkusTest
class TrainingRunTest {
    @Inject
    DecisionEngine engine;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URL service;

    @Test
    void decidesEveryCaseOverHttpWithoutServerErrors() {
        int cases = engine.ruleBase().jurisdictions().stream()
                .mapToInt(j -> CaseFiles.load(engine.rulesDirectory(), j.id()).size()).sum();
        double before = decisions();

        assertEquals(0, TrainingRun.train(engine, service.getPort(), Optional.empty()));

        assertEquals(cases, decisions() - before, "each case decided once through the endpoint");
    }

    @Test
    void failsWhenTheServiceCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertEquals(1, TrainingRun.train(engine, closedPort, Optional.empty()));
    }

    private double decisions() {
        return registry.find("decisions").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
