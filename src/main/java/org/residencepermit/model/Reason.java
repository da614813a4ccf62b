package org.residencepermit.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Why the verdict came out: one entry per eligibility, ineligibility, missing-information or conflict finding.
 *
 * @param kind ELIGIBLE, NOT_ELIGIBLE, NEEDS_MORE_INFO, MISSING_FACT, CONFLICT or CONDITION_MET
 * @param code machine code, e.g. HUKOU_IN_SAME_CITY; for MISSING_FACT the fact's path
 */
@JsonPropertyOrder({"ruleId", "kind", "code", "message", "title", "source"})
public record Reason(String ruleId, String kind, String code, String message, String title, String source) {
}
