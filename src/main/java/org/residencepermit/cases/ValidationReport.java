package org.residencepermit.cases;

import org.residencepermit.engine.CompileError;
import org.residencepermit.engine.PackageOrigin;

import java.util.List;
import java.util.Map;

/**
 * What validating a rules directory found: compile errors, or the cases that failed against it.
 *
 * @param rulesetVersion content hash of the candidate (null when it did not compile)
 * @param packageOrigins per jurisdiction, whether its compiled rules were kept from the rules in service, read from
 *                       the directory's precompiled file, or compiled (null when the candidate did not compile)
 * @param casesRunBy     who ran the {@code casesRun} cases (null when none ran)
 */
public record ValidationReport(boolean valid, String rulesetVersion, List<CompileError> compileErrors, int casesRun,
                               List<CaseFailure> failedCases, Map<String, PackageOrigin> packageOrigins,
                               CasesRunBy casesRunBy) {

    static ValidationReport notCompiled(List<CompileError> errors) {
        return new ValidationReport(false, null, errors, 0, List.of(), null, null);
    }

    public enum CasesRunBy {
        /** This validation ran them. */
        SERVICE,
        /**
         * The analysts' {@code validate} command ran them all, successfully, on exactly these compiled packages and
         * case files, and recorded it in the directory's precompiled-rules.bin.
         */
        VALIDATE_COMMAND
    }

    /** A failed case: its name, file and the fields that differed. */
    public record CaseFailure(String name, String file, List<String> mismatches) {
    }
}
