package org.residencepermit.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The request and the values derived from it as one fact, for the engine's own use: the rule compiler rewrites a
 * rule's {@code DecisionRequest(...)} and {@code Derived(...)} patterns into one pattern on this type
 * (org.residencepermit.engine.MergedRequestPatterns), so that the rule's conditions are tested one after the other
 * on one fact instead of joining two. Analysts keep writing {@code DecisionRequest} and {@code Derived}; the trace
 * lists those facts.
 * <p>
 * A getter per component of both records, so that a constraint written for either reads the same value here
 * ({@code asOf} is in both, with the same value). {@code RequestAndDerivedTest} fails when a component is added to
 * either record without its getter.
 */
public final class RequestAndDerived {
    private final DecisionRequest request;
    private final Derived derived;

    public RequestAndDerived(DecisionRequest request, Derived derived) {
        this.request = request;
        this.derived = derived;
    }

    /** The request, bound where the rule bound its DecisionRequest pattern ({@code $r : DecisionRequest(...)}). */
    public DecisionRequest getRequest() {
        return request;
    }

    /** The derived values, bound where the rule bound its Derived pattern. */
    public Derived getDerived() {
        return derived;
    }

    public LocalDate getAsOf() {
        return request.asOf();
    }

    public City getCity() {
        return request.city();
    }

    public String getCityName() {
        return request.cityName();
    }

    public String getDistrict() {
        return request.district();
    }

    public Procedure getProcedure() {
        return request.procedure();
    }

    public ChannelPreference getChannelRequested() {
        return request.channelRequested();
    }

    public Applicant getApplicant() {
        return request.applicant();
    }

    public Registration getRegistration() {
        return request.registration();
    }

    public Housing getHousing() {
        return request.housing();
    }

    public Employment getEmployment() {
        return request.employment();
    }

    public Study getStudy() {
        return request.study();
    }

    public Talent getTalent() {
        return request.talent();
    }

    public Permit getPermit() {
        return request.permit();
    }

    public Change getChange() {
        return request.change();
    }

    public Submission getSubmission() {
        return request.submission();
    }

    public Appeal getAppeal() {
        return request.appeal();
    }

    public Integer getAge() {
        return derived.age();
    }

    public Integer getMonthsSinceRegistration() {
        return derived.monthsSinceRegistration();
    }

    public boolean isOnRegistrationMonthBoundary() {
        return derived.onRegistrationMonthBoundary();
    }

    public LocalDate getExpiryDate() {
        return derived.expiryDate();
    }

    public Integer getPermitAgeMonths() {
        return derived.permitAgeMonths();
    }

    public boolean isOnPermitMonthBoundary() {
        return derived.onPermitMonthBoundary();
    }

    public Long getDaysToExpiry() {
        return derived.daysToExpiry();
    }

    public Long getOverdueDays() {
        return derived.overdueDays();
    }

    public Integer getMonthsOverdue() {
        return derived.monthsOverdue();
    }

    public boolean isFunctionSuspended() {
        return derived.functionSuspended();
    }

    public Boolean getLeftHukouPlace() {
        return derived.leftHukouPlace();
    }

    public boolean isCityNameContradictsCity() {
        return derived.cityNameContradictsCity();
    }

    public Boolean getPermitIssuedElsewhere() {
        return derived.permitIssuedElsewhere();
    }

    public boolean isStableEmployment() {
        return derived.stableEmployment();
    }

    public boolean isStableResidence() {
        return derived.stableResidence();
    }

    public boolean isContinuousStudy() {
        return derived.continuousStudy();
    }

    public Basis getBasis() {
        return derived.basis();
    }

    public boolean isProxyRequested() {
        return derived.proxyRequested();
    }

    public boolean isProxyEligiblePerson() {
        return derived.proxyEligiblePerson();
    }

    public boolean isAgentGuardianOrCloseRelative() {
        return derived.agentGuardianOrCloseRelative();
    }

    public List<String> getFactsDatedAfterAsOf() {
        return derived.factsDatedAfterAsOf();
    }

    public List<String> getFactsDatedBeforeBirth() {
        return derived.factsDatedBeforeBirth();
    }

    public List<String> getUnknownBasisFacts() {
        return derived.unknownBasisFacts();
    }

    public List<String> getUnknownProxyPersonFacts() {
        return derived.unknownProxyPersonFacts();
    }
}
