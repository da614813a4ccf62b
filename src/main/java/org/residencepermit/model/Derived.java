package org.residencepermit.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Values derived once from a request by the date helper (CONV-1..CONV-7), so that rules compare numbers instead of
 * repeating date arithmetic. Fields are null when the facts they come from are absent.
 *
 * @param asOf the decision date, repeated here so that one pattern can compare it with derived dates
 * @param monthsSinceRegistration completed months since {@code registration.residenceRegistrationDate} (CONV-1)
 * @param onRegistrationMonthBoundary asOf falls exactly on a month anniversary of the registration date
 * @param expiryDate the permit's effective expiry: given, or validityStartDate + 12 months (CONV-5)
 * @param permitAgeMonths completed months since {@code permit.validityStartDate}
 * @param onPermitMonthBoundary asOf falls exactly on a month anniversary of the validity start
 * @param daysToExpiry expiryDate - asOf in days
 * @param overdueDays asOf - expiryDate in days (CONV-3), negative before expiry
 * @param functionSuspended a held permit whose expiry has passed (REG-NAT Art. 10(3))
 * @param leftHukouPlace the hukou city differs from the city of residence (names compared in any spelling of a known
 *                       city, with or without 市 / " CITY"); null when either is unknown
 * @param cityNameContradictsCity cityName names another known city than {@code city}
 * @param permitIssuedElsewhere permit.issuingCity is another city than the city of residence; null when unknown
 * @param basis the basis chosen by the applicant, else the first satisfied in the order E, R, S
 * @param proxyRequested the applicant is not present in person
 * @param proxyEligiblePerson under 16, mobility-impaired (elderly) or disabled (REG-NAT Art. 9(3))
 * @param agentGuardianOrCloseRelative the proxy is a guardian or close relative
 * @param factsDatedAfterAsOf paths of dates (other than expiry dates) that lie after asOf
 * @param factsDatedBeforeBirth paths of dates of the applicant's own life events that lie before their birth date
 * @param unknownProxyPersonFacts paths of the null facts (birth date, mobility, disability) that could still let a
 *                                applicant who sends a proxy use one, when the known facts do not
 * @param unknownBasisFacts paths of the null facts that could decide the basis: the chosen basis's own fact, or,
 *                          when no basis is chosen and none is met by the known facts, every null basis fact
 */
public record Derived(LocalDate asOf, Integer age,
                      Integer monthsSinceRegistration, boolean onRegistrationMonthBoundary,
                      LocalDate expiryDate, Integer permitAgeMonths, boolean onPermitMonthBoundary,
                      Long daysToExpiry, Long overdueDays, Integer monthsOverdue, boolean functionSuspended,
                      Boolean leftHukouPlace, boolean cityNameContradictsCity, Boolean permitIssuedElsewhere,
                      boolean stableEmployment, boolean stableResidence, boolean continuousStudy, Basis basis,
                      boolean proxyRequested, boolean proxyEligiblePerson, boolean agentGuardianOrCloseRelative,
                      List<String> factsDatedAfterAsOf, List<String> factsDatedBeforeBirth,
                      List<String> unknownBasisFacts, List<String> unknownProxyPersonFacts) {
    public Derived {
        factsDatedAfterAsOf = List.copyOf(factsDatedAfterAsOf);
        factsDatedBeforeBirth = List.copyOf(factsDatedBeforeBirth);
        unknownBasisFacts = List.copyOf(unknownBasisFacts);
        unknownProxyPersonFacts = List.copyOf(unknownProxyPersonFacts);
    }
}
