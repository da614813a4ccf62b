package org.residencepermit.engine;

import org.residencepermit.model.City;
import org.residencepermit.model.Topic;

import java.util.List;
import java.util.Set;

/**
 * A jurisdiction as declared in {@code rules/<id>/jurisdiction.yaml}: the city it serves and the topics whose
 * national rules it replaces.
 */
public record Jurisdiction(String id, City city, String name, Set<Topic> overrides, List<String> sources) {
    public static final String NATIONAL = "national";

    public Jurisdiction {
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The jurisdiction whose rules govern the topic for requests handled here. */
    public String governing(Topic topic) {
        return overrides.contains(topic) ? id : NATIONAL;
    }

    public String rulePackage() {
        return RuleCompiler.RULES_PACKAGE_PREFIX + id;
    }
}
