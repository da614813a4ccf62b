package org.residencepermit.bench;

import org.residencepermit.engine.Derivations;
import org.residencepermit.engine.LegalDates;
import org.residencepermit.engine.RequestValidator;
import org.residencepermit.model.Basis;
import org.residencepermit.model.Citizenship;
import org.residencepermit.model.City;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Derived;
import org.residencepermit.model.DocumentCode;
import org.residencepermit.model.HousingType;
import org.residencepermit.model.PermitStatus;
import org.residencepermit.model.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The physical-limit reference: the national rules for FIRST_APPLICATION (NAT-SCOPE-1, NAT-FA-1..6 with the permit
 * already held, the national address-proof table, VALIDATION-1/2/5/6/7/8/10/12, CONV-8, CONV-10) hand-written in plain
 * Java, for an applicant who applies in person. It uses the same request validation and {@link Derivations} as the engine, so the difference to the engine
 * is the cost of the rule engine itself (sessions, matching, listener, assembly).
 */
final class HandWrittenFirstApplication {

    /** The essentials of a decision, enough to check agreement with the engine. */
    record Result(Verdict verdict, Set<String> reasonCodes, List<List<DocumentCode>> requiredDocuments,
                  LocalDate earliestEligibleDate, boolean uncertain) {
    }

    private HandWrittenFirstApplication() {
    }

    static Result decide(DecisionRequest raw) {
        DecisionRequest r = RequestValidator.validate(raw);
        Derived d = Derivations.of(r);
        Set<String> conflicts = new TreeSet<>();
        Set<String> ineligible = new TreeSet<>();
        Set<String> moreInfo = new TreeSet<>();
        Set<String> eligible = new TreeSet<>();
        Set<String> met = new TreeSet<>();
        List<List<DocumentCode>> required = new ArrayList<>(4);
        boolean missingDocument = false;
        boolean uncertain = false;
        LocalDate earliest = null;

        // VALIDATION-1, -2, -5, -6, -7, -8, -10, -12
        if (!d.factsDatedAfterAsOf().isEmpty()) {
            conflicts.add("DATE_AFTER_AS_OF");
        }
        if (r.permit().expiryDate() != null && r.permit().validityStartDate() != null
                && r.permit().expiryDate().isBefore(r.permit().validityStartDate())) {
            conflicts.add("EXPIRY_BEFORE_VALIDITY_START");
        }
        if (!d.factsDatedBeforeBirth().isEmpty()) {
            conflicts.add("DATE_BEFORE_BIRTH");
        }
        LocalDate issued = r.permit().issueDate();
        if (issued != null && (before(r.permit().validityStartDate(), issued)
                || before(r.permit().cancellationDate(), issued))) {
            conflicts.add("PERMIT_DATE_BEFORE_ISSUE");
        }
        if (r.submission().applicantPresent() == null && r.submission().proxy() != null) {
            moreInfo.add("submission.applicantPresent");
        }
        // VALIDATION-8: cityName names a city with rules of its own other than city (also when city is OTHER)
        if (d.cityNameContradictsCity() || r.city() == City.OTHER && Derivations.knownCity(r.cityName()) != null) {
            conflicts.add("CITY_NAME_CONTRADICTS_CITY");
        }
        if ((r.permit().status() == PermitStatus.ACTIVE || r.permit().status() == PermitStatus.SUSPENDED)
                && (r.permit().cancellationDate() != null || r.permit().cancellationReason() != null)) {
            conflicts.add("STATUS_CONTRADICTS_CANCELLATION");
        }
        Integer insuredSinceRegistration = r.employment().socialInsurance().consecutiveMonthsSinceRegistration();
        if (insuredSinceRegistration != null && d.monthsSinceRegistration() != null && d.monthsSinceRegistration() >= 0
                && insuredSinceRegistration > d.monthsSinceRegistration() + 1) {
            conflicts.add("INSURANCE_MONTHS_EXCEED_REGISTRATION");
        }
        // NAT-SCOPE-1
        Citizenship citizenship = r.applicant().citizenship();
        if (citizenship == null) {
            moreInfo.add("applicant.citizenship");
        } else if (citizenship != Citizenship.MAINLAND) {
            ineligible.add("OUT_OF_SCOPE_NOT_MAINLAND_HUKOU");
            uncertain = true;
        }
        Boolean left = d.leftHukouPlace();
        if (left == null) {
            if (r.applicant().hukouCity() == null) {
                moreInfo.add("applicant.hukouCity");
            }
            if (r.city() == City.OTHER && r.cityName() == null) {
                moreInfo.add("cityName");
            }
        } else if (!left) {
            ineligible.add("HUKOU_IN_SAME_CITY");
        } else if (r.city() == City.OTHER && r.applicant().hukouCity() != null && r.cityName() != null
                && !sameScript(r.applicant().hukouCity(), r.cityName())) {
            moreInfo.add("CITY_NAMES_NOT_COMPARABLE");
        } else if (citizenship == Citizenship.MAINLAND) {
            met.add("IN_SCOPE");
        }
        // NAT-FA-1
        Integer months = d.monthsSinceRegistration();
        Basis basis = d.basis();
        boolean basisMet = basis == Basis.EMPLOYMENT && d.stableEmployment()
                || basis == Basis.RESIDENCE && d.stableResidence() || basis == Basis.STUDY && d.continuousStudy();
        LocalDate arrived = r.registration().arrivalDate();
        boolean continuous = !Boolean.FALSE.equals(r.registration().registrationContinuous());
        if (months == null) {
            if (arrived != null && LegalDates.hasCompletedMonths(arrived, r.asOf(), 6)) {
                if (basisMet) {   // the half year counted from the arrival, which the police may want evidenced
                    eligible.add("HALF_YEAR_AND_BASIS_MET");
                    uncertain = true;
                }
            } else {
                moreInfo.add("registration.residenceRegistrationDate");
            }
        } else if (months < 0) {
            // a registration after asOf: VALIDATION-1 reports the conflict, no waiting period is computed
        } else if (months < 6) {
            ineligible.add("RESIDENCE_LESS_THAN_6_MONTHS");
            if (basisMet && continuous) {   // section 6 step 4: an earliest date only where time is all that is missing
                earliest = LegalDates.addMonths(r.registration().residenceRegistrationDate(), 6);
            }
        } else {
            if (basisMet) {
                eligible.add("HALF_YEAR_AND_BASIS_MET");
            }
            if (!continuous) {
                moreInfo.add("RESIDENCE_NOT_CONTINUOUS_SINCE_REGISTRATION");
            }
            if (months == 6 && d.onRegistrationMonthBoundary()) {
                uncertain = true;
            }
        }
        // A permit of this city is endorsed, not applied for again
        PermitStatus status = r.permit().status();
        boolean live = status != PermitStatus.CANCELLED && status != PermitStatus.TERMINATED;
        if (Boolean.TRUE.equals(r.permit().held()) && live) {
            if (Boolean.FALSE.equals(d.permitIssuedElsewhere())) {
                ineligible.add("PERMIT_ALREADY_HELD");
            } else if (d.permitIssuedElsewhere() == null) {
                moreInfo.add(r.permit().issuingCity() == null ? "permit.issuingCity" : "cityName");
            }
        } else if (r.permit().held() == null && (status == PermitStatus.ACTIVE || status == PermitStatus.SUSPENDED)
                && !Boolean.TRUE.equals(d.permitIssuedElsewhere())) {
            moreInfo.add("permit.held");
        }
        if (!d.unknownBasisFacts().isEmpty()) {
            moreInfo.addAll(d.unknownBasisFacts());
        } else if (basis == null) {
            ineligible.add("NO_STABLE_EMPLOYMENT_RESIDENCE_OR_STUDY");
        } else if (!basisMet) {
            ineligible.add("CHOSEN_BASIS_NOT_MET");
        }
        // NAT-FA-2 with the national address-proof table and CONV-10
        required.add(List.of(DocumentCode.ID_CARD));
        required.add(List.of(DocumentCode.PHOTO));
        HousingType housing = r.housing().housingType();
        if (housing == null) {
            moreInfo.add("housing.housingType");
        } else {
            switch (housing) {
                case OWNED -> required.add(List.of(DocumentCode.PROPERTY_CERT, DocumentCode.PURCHASE_CONTRACT));
                case RENTED -> required.add(List.of(DocumentCode.LEASE_CONTRACT, DocumentCode.LANDLORD_HOUSING_CERT));
                case EMPLOYER_DORM -> required.add(List.of(DocumentCode.EMPLOYER_HOUSING_CERT));
                case SCHOOL_DORM -> required.add(List.of(DocumentCode.SCHOOL_HOUSING_CERT));
                case LODGING_WITH_RELATIVE, LODGING_WITH_OTHER -> required.add(List.of(DocumentCode.LODGING_CERT));
                case HOTEL, NONE -> moreInfo.add("NO_ADDRESS_PROOF_FOR_HOUSING_TYPE");
                default -> {
                }
            }
            if (required.size() == 3) {
                uncertain = true; // the Art. 4/9 interpretation note (documents aspect)
            }
        }
        if (basis == Basis.EMPLOYMENT) {
            required.add(List.of(DocumentCode.BUSINESS_LICENSE, DocumentCode.LABOR_CONTRACT,
                    DocumentCode.EMPLOYMENT_CERT));
        } else if (basis == Basis.STUDY) {
            required.add(List.of(DocumentCode.STUDENT_ID, DocumentCode.ENROLLMENT_CERT));
        }
        // CONV-8
        List<DocumentCode> provided = r.submission().documentsProvided();
        if (provided != null) {
            for (List<DocumentCode> requirement : required) {
                boolean satisfied = false;
                for (DocumentCode code : requirement) {
                    satisfied |= provided.contains(code);
                }
                missingDocument |= !satisfied;
            }
        }
        // Verdict as in DecisionAssembler (CONV-9)
        Verdict verdict = !conflicts.isEmpty() ? Verdict.NEEDS_MORE_INFO
                : !ineligible.isEmpty() ? Verdict.NOT_ELIGIBLE
                : !moreInfo.isEmpty() || missingDocument ? Verdict.NEEDS_MORE_INFO
                : !eligible.isEmpty() ? Verdict.ELIGIBLE : Verdict.NEEDS_MORE_INFO;
        Set<String> codes = new TreeSet<>(conflicts);
        codes.addAll(ineligible);
        codes.addAll(moreInfo);
        codes.addAll(eligible);
        codes.addAll(met);
        return new Result(verdict, codes, verdict == Verdict.NOT_ELIGIBLE ? List.of() : required, earliest,
                uncertain);
    }

    /** A name with Chinese characters cannot be compared with one without (NAT-SCOPE-1). */
    private static boolean sameScript(String a, String b) {
        boolean hanA = a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        boolean hanB = b.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return hanA == hanB;
    }

    private static boolean before(LocalDate date, LocalDate limit) {
        return date != null && date.isBefore(limit);
    }
}
