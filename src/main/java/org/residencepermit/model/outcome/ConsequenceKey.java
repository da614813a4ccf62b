package org.residencepermit.model.outcome;

/** Consequence vocabulary of rulebook section 7; {@link #jsonName()} is the response field. */
public enum ConsequenceKey {
    FUNCTION_SUSPENDED("functionSuspended"),
    FUNCTION_RESTORED("functionRestored"),
    RESIDENCE_YEARS_CONTINUOUS("residenceYearsContinuous"),
    SUSPENSION_PERIOD_COUNTED("suspensionPeriodCounted"),
    RESIDENCE_YEARS_RECOUNT("residenceYearsRecount"),
    MUST_RE_REGISTER("mustReRegister"),
    PERMIT_TERMINATED("permitTerminated"),
    PENALTY_RISK("penaltyRisk");

    private final String jsonName;

    ConsequenceKey(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
