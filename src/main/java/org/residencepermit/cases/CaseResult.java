package org.residencepermit.cases;

import org.residencepermit.model.Decision;

import java.util.List;

/** The outcome of running one case: an empty {@code mismatches} list means it passed. */
public record CaseResult(TestCase testCase, List<String> mismatches, Decision decision) {

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** Names the case, its file and every field that differed. */
    public String report() {
        return "case '" + testCase.name() + "' (" + testCase.file() + "):\n  - " + String.join("\n  - ", mismatches);
    }
}
