package org.residencepermit.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.residencepermit.model.outcome.Fee;
import org.residencepermit.model.outcome.RequiredDocument;
import org.residencepermit.model.outcome.TimeLimit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The decision returned for a request; field names follow rulebook section 10. {@code requiredDocuments} serialize
 * as a code or {@code {"anyOf": [...]}} per requirement, and {@code documentNames} gives each code's Chinese name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verdict", "procedure", "city", "jurisdiction", "asOf", "reasons", "ruleIds", "requiredDocuments",
        "missingDocuments", "notRequired", "documentNames", "channels", "timeLimit", "fee", "deadline", "deadlineMissed",
        "consequences", "earliestEligibleDate", "alternativeProcedure", "alternativeChannels",
        "alternativeRequiredDocuments", "missingFacts", "conflicts", "notes", "uncertain", "uncertainNotes",
        "rulesetVersion", "trace"})
public record Decision(Verdict verdict, Procedure procedure, City city, String jurisdiction, LocalDate asOf,
                       List<Reason> reasons, List<String> ruleIds,
                       List<RequiredDocument> requiredDocuments, List<RequiredDocument> missingDocuments,
                       List<DocumentCode> notRequired, Map<DocumentCode, String> documentNames,
                       List<Channel> channels, TimeLimit timeLimit, Fee fee,
                       LocalDate deadline, LocalDate deadlineMissed,
                       Map<String, Object> consequences, LocalDate earliestEligibleDate,
                       String alternativeProcedure, List<Channel> alternativeChannels,
                       List<RequiredDocument> alternativeRequiredDocuments,
                       List<String> missingFacts, List<String> conflicts, List<String> notes,
                       boolean uncertain, List<String> uncertainNotes, String rulesetVersion,
                       List<RuleFiring> trace) {
}
