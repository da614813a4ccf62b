package org.residencepermit.model;

import java.time.LocalDate;

/**
 * A decision request: exactly the fact model of rulebook section 3. Absent sections are replaced by empty records
 * in {@link #normalized()}, so rules navigate {@code permit.held} without null checks; an absent fact stays null.
 */
public record DecisionRequest(LocalDate asOf, City city, String cityName, String district, Procedure procedure,
                              ChannelPreference channelRequested, Applicant applicant, Registration registration,
                              Housing housing, Employment employment, Study study, Talent talent, Permit permit,
                              Change change, Submission submission, Appeal appeal) {

    public DecisionRequest normalized() {
        return new DecisionRequest(asOf, city, cityName, district, procedure,
                channelRequested == null ? ChannelPreference.ANY : channelRequested,
                applicant == null ? Applicant.EMPTY : applicant,
                registration == null ? Registration.EMPTY : registration,
                housing == null ? Housing.EMPTY : housing,
                employment == null ? Employment.EMPTY : employment.normalized(),
                study == null ? Study.EMPTY : study,
                talent == null ? Talent.EMPTY : talent,
                permit == null ? Permit.EMPTY : permit.normalized(),
                change == null ? Change.EMPTY : change,
                submission == null ? Submission.EMPTY : submission,
                appeal == null ? Appeal.EMPTY : appeal);
    }
}
