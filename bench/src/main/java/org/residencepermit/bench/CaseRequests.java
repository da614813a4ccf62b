package org.residencepermit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.model.DecisionRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The realistic request mix: every case of {@code rules/<jurisdiction>/cases/*.yaml} (input + asOf), read with the
 * service's own JSON settings. Cases whose input the engine refuses (none today) are left out.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * The service runs with {@code quarkus.log.category."org.drools".level=WARN}. Outside Quarkus the JBoss LogManager
     * on the class path starts at level ALL, and Drools then formats a TRACE line for every inserted fact (~700 KB
     * of strings per decision), which would make the benchmark measure logging. Match the service's levels.
     */
    static void quietLogging() {
        for (String category : new String[]{"org.drools", "org.kie"}) {
            org.jboss.logmanager.LogContext.getLogContext().getLogger(category)
                    .setLevel(java.util.logging.Level.WARNING);
        }
    }

    static Path rulesDirectory() {
        return Path.of(System.getProperty("rules.dir", "../rules")).toAbsolutePath().normalize();
    }

    static List<DecisionRequest> load(Path rules, DecisionEngine engine) {
        ObjectMapper json = Json.mapper();
        List<DecisionRequest> requests = new ArrayList<>();
        for (TestCase c : CaseFiles.load(rules, null)) {
            try {
                ObjectNode input = c.request();
                DecisionRequest request = json.treeToValue(input, DecisionRequest.class);
                engine.decide(request, false);
                requests.add(request);
            } catch (Exception e) {
                System.err.println("skipping case " + c.name() + ": " + e);
            }
        }
        if (requests.isEmpty()) {
            throw new IllegalStateException("no usable cases under " + rules);
        }
        return requests;
    }
}
