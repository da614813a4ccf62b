package org.residencepermit.engine;

import org.residencepermit.model.Basis;
import org.residencepermit.model.City;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Derived;
import org.residencepermit.model.EmploymentType;
import org.residencepermit.model.HousingType;
import org.residencepermit.model.ProxyRelation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Computes the {@link Derived} values of a normalized request, once, with {@link LegalDates}. */
public final class Derivations {
    private static final Set<HousingType> STABLE_HOUSING = EnumSet.of(HousingType.OWNED, HousingType.RENTED,
            HousingType.EMPLOYER_DORM, HousingType.SCHOOL_DORM, HousingType.LODGING_WITH_RELATIVE,
            HousingType.LODGING_WITH_OTHER);
    private static final Set<EmploymentType> STABLE_EMPLOYMENT = EnumSet.of(EmploymentType.EMPLOYEE,
            EmploymentType.SELF_EMPLOYED_LICENSED);
    /** The fact each basis rests on, as missingFacts names it. */
    private static final String EMPLOYMENT_FACT = "employment.employmentType";
    private static final String RESIDENCE_FACT = "housing.housingType";
    private static final String STUDY_FACT = "study.enrolledFullTime";
    private static final City[] CITIES = City.values();

    private Derivations() {
    }

    public static Derived of(DecisionRequest r) {
        LocalDate asOf = r.asOf();
        LocalDate birth = r.applicant().birthDate();
        Integer age = birth == null ? null : LegalDates.age(birth, asOf);

        LocalDate registered = r.registration().residenceRegistrationDate();
        Integer monthsSinceRegistration = registered == null ? null : LegalDates.completedMonths(registered, asOf);
        boolean onRegistrationBoundary = registered != null && LegalDates.isMonthAnniversary(registered, asOf);

        LocalDate start = r.permit().validityStartDate();
        LocalDate expiry = r.permit().expiryDate() != null ? r.permit().expiryDate()
                : start == null ? null : LegalDates.addMonths(start, 12);
        Integer permitAgeMonths = start == null ? null : LegalDates.completedMonths(start, asOf);
        boolean onPermitBoundary = start != null && LegalDates.isMonthAnniversary(start, asOf);
        Long daysToExpiry = expiry == null ? null : LegalDates.daysBetween(asOf, expiry);
        Long overdueDays = expiry == null ? null : -daysToExpiry;
        Integer monthsOverdue = expiry == null || !asOf.isAfter(expiry) ? null : LegalDates.completedMonths(expiry, asOf);
        boolean suspended = Boolean.TRUE.equals(r.permit().held()) && overdueDays != null && overdueDays >= 1;

        boolean employment = STABLE_EMPLOYMENT.contains(r.employment().employmentType());
        boolean residence = STABLE_HOUSING.contains(r.housing().housingType());
        boolean study = Boolean.TRUE.equals(r.study().enrolledFullTime());
        Basis basis = r.submission().basisChosen() != null ? r.submission().basisChosen()
                : employment ? Basis.EMPLOYMENT : residence ? Basis.RESIDENCE : study ? Basis.STUDY : null;

        boolean proxyRequested = Boolean.FALSE.equals(r.submission().applicantPresent());
        boolean proxyEligiblePerson = (age != null && age < 16)
                || Boolean.TRUE.equals(r.applicant().mobilityImpaired())
                || Boolean.TRUE.equals(r.applicant().disabled());
        ProxyRelation relation = r.submission().proxy() == null ? null : r.submission().proxy().relation();
        boolean agentQualified = relation == ProxyRelation.GUARDIAN || relation == ProxyRelation.CLOSE_RELATIVE;

        String residenceKey = cityKey(residenceCity(r));
        return new Derived(asOf, age, monthsSinceRegistration, onRegistrationBoundary, expiry, permitAgeMonths,
                onPermitBoundary, daysToExpiry, overdueDays, monthsOverdue, suspended,
                namesAnotherCity(residenceKey, r.applicant().hukouCity()), cityNameContradictsCity(r),
                namesAnotherCity(residenceKey, r.permit().issuingCity()),
                employment, residence, study, basis, proxyRequested, proxyEligiblePerson, agentQualified,
                datesAfterAsOf(r), datesBeforeBirth(r), unknownBasisFacts(r, employment || residence || study),
                proxyRequested && !proxyEligiblePerson ? unknownProxyPersonFacts(r) : List.of());
    }

    /**
     * The basis facts whose absence leaves the basis open (section 6 step 1): a rule must not read a null housing type
     * as "no stable residence" and refuse. Only the facts that could still make a difference count.
     */
    private static List<String> unknownBasisFacts(DecisionRequest r, boolean someBasisMet) {
        if (r.employment().employmentType() != null && r.housing().housingType() != null
                && r.study().enrolledFullTime() != null) {
            return List.of();   // the usual case, on every decision: nothing to collect
        }
        List<String> unknown = new ArrayList<>(3);
        Basis chosen = r.submission().basisChosen();
        if (r.employment().employmentType() == null && (chosen == Basis.EMPLOYMENT || chosen == null && !someBasisMet)) {
            unknown.add(EMPLOYMENT_FACT);
        }
        if (r.housing().housingType() == null && (chosen == Basis.RESIDENCE || chosen == null && !someBasisMet)) {
            unknown.add(RESIDENCE_FACT);
        }
        if (r.study().enrolledFullTime() == null && (chosen == Basis.STUDY || chosen == null && !someBasisMet)) {
            unknown.add(STUDY_FACT);
        }
        return unknown;
    }

    /** Under 16, mobility-impaired or disabled: each fact still unknown could make a proxy admissible. */
    private static List<String> unknownProxyPersonFacts(DecisionRequest r) {
        List<String> unknown = new ArrayList<>(3);
        if (r.applicant().birthDate() == null) {
            unknown.add("applicant.birthDate");
        }
        if (r.applicant().mobilityImpaired() == null) {
            unknown.add("applicant.mobilityImpaired");
        }
        if (r.applicant().disabled() == null) {
            unknown.add("applicant.disabled");
        }
        return unknown;
    }

    /** The city of residence: the city itself when it is a known one, else cityName (city OTHER). */
    private static String residenceCity(DecisionRequest r) {
        return r.city() != null && r.city() != City.OTHER ? r.city().name() : r.cityName();
    }

    /**
     * Whether a city name (the hukou city, the permit's issuing city) names another city than the city of residence,
     * compared by {@link #cityKey}: "北京市", "北京", "beijing" and "BEIJING CITY" are all Beijing. Null when either is
     * unknown.
     */
    private static Boolean namesAnotherCity(String residenceKey, String otherCity) {
        String other = cityKey(otherCity);
        if (residenceKey == null || other == null) {
            return null;
        }
        return !residenceKey.equals(other);
    }

    /**
     * A city name reduced to a comparable key: trimmed, upper case, inner blanks, hyphens and underscores dropped, a
     * trailing "CITY" (English) or 市 (Chinese) dropped, and the Chinese name of a known city replaced by its enum
     * name. Free-text cities compare after the same steps (WUHAN = Wuhan City; 武汉市 = 武汉); a pinyin and a Chinese
     * spelling of a city the service does not know cannot be matched. Null for a blank name.
     */
    static String cityKey(String name) {
        if (name == null) {
            return null;
        }
        if (isAlreadyAKey(name)) {
            return name;   // the usual "WUHAN", and every known city's enum name: nothing to normalise
        }
        // One pass without regular expressions: this runs up to three times on every decision.
        StringBuilder key = new StringBuilder(name.length());
        int lastWordStart = 0;
        boolean separated = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '_' || c == '-') {
                separated = key.length() > 0;
            } else {
                if (separated) {
                    lastWordStart = key.length();
                    separated = false;
                }
                key.append(Character.toUpperCase(c));
            }
        }
        int length = key.length();
        if (lastWordStart > 0 && length - lastWordStart == 4 && key.indexOf("CITY", lastWordStart) == lastWordStart) {
            key.setLength(lastWordStart);
        } else if (length > 1 && key.charAt(length - 1) == '市') {
            key.setLength(length - 1);
        }
        if (key.length() == 0) {
            return null;
        }
        String text = key.toString();
        for (City city : CITIES) {
            if (text.equals(city.chineseName())) {
                return city.name();
            }
        }
        return text;
    }

    private static boolean isAlreadyAKey(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /**
     * The known city a name denotes (enum name or Chinese name, any of the spellings {@link #cityKey} accepts), else
     * null. Rules use it too (VALIDATION-8 for city OTHER), so that one spelling rule serves both.
     */
    public static City knownCity(String name) {
        String key = cityKey(name);
        for (City c : CITIES) {
            if (c != City.OTHER && c.name().equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** Rulebook section 6 step 1: cityName names another known city than {@code city} (e.g. BEIJING / 上海市). */
    private static boolean cityNameContradictsCity(DecisionRequest r) {
        if (r.city() == null || r.city() == City.OTHER || r.cityName() == null) {
            return false;
        }
        City named = knownCity(r.cityName());
        return named != null && named != r.city();
    }


    /** Rulebook section 6, step 1: a date after asOf (other than expiry dates) contradicts the request. */
    private static List<String> datesAfterAsOf(DecisionRequest r) {
        List<String> paths = new ArrayList<>();
        RequestDates.forEach(r, false, (path, date) -> {
            if (date.isAfter(r.asOf())) {
                paths.add(path);
            }
        });
        // A month after asOf's month has not begun, so nothing can have been paid for it yet.
        YearMonth current = YearMonth.from(r.asOf());
        RequestDates.forEachMonth(r, (path, month) -> {
            if (month.isAfter(current)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /**
     * Rulebook section 6, step 1: every other date of the request is an event of the applicant's own life (arrival,
     * registration, permit, change, appeal), so one before the birth date contradicts it.
     */
    private static List<String> datesBeforeBirth(DecisionRequest r) {
        LocalDate birth = r.applicant().birthDate();
        if (birth == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>(0);
        RequestDates.forEach(r, true, (path, date) -> {
            if (date.isBefore(birth)) {
                paths.add(path);
            }
        });
        return paths;
    }
}
