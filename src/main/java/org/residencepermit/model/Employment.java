package org.residencepermit.model;

public record Employment(EmploymentType employmentType, Boolean hasLaborContract, SocialInsurance socialInsurance,
                         Tax tax, Boolean bjWorkResidencePermitValid) {
    public static final Employment EMPTY = new Employment(null, null, SocialInsurance.EMPTY, Tax.EMPTY, null);

    /** Replaces absent nested objects by empty ones so rules can navigate without null checks. */
    public Employment normalized() {
        return new Employment(employmentType, hasLaborContract,
                socialInsurance == null ? SocialInsurance.EMPTY : socialInsurance,
                tax == null ? Tax.EMPTY : tax, bjWorkResidencePermitValid);
    }
}
