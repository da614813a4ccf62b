package org.residencepermit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One step of the explanation trace: a rule that fired, what it matched and what it concluded. */
@JsonPropertyOrder({"order", "ruleId", "rule", "jurisdiction", "title", "source", "matched", "concluded"})
public record RuleFiring(int order, String ruleId, String rule, String jurisdiction, String title, String source,
                         List<String> matched, List<String> concluded) {
    public RuleFiring {
        matched = List.copyOf(matched);
        concluded = List.copyOf(concluded);
    }
}
