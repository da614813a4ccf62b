package org.residencepermit.cases;

import org.residencepermit.engine.CompileError;

import java.util.List;

/**
 * What validating a rules directory found: compile errors, or the cases that failed against it.
 *
 * @param rulesetVersion content hash of the candidate (null when it did not compile)
 */
public record ValidationReport(boolean valid, String rulesetVersion, List<CompileError> compileErrors, int casesRun,
                               List<CaseFailure> failedCases) {

    /** A failed case: its name, file and the fields that differed. */
    public record CaseFailure(String name, String file, List<String> mismatches) {
    }
}
