package org.residencepermit.model;

import java.time.LocalDate;

public record Registration(LocalDate arrivalDate, LocalDate residenceRegistrationDate, Boolean registrationContinuous,
                           LocalDate policeCollectedInfoDate, Boolean registrationAddressSameAsCurrent,
                           LocalDate bjRegistrationCardIssueDate, StayType stayType, Integer registeredMonthsLast12) {
    public static final Registration EMPTY = new Registration(null, null, null, null, null, null, null, null);
}
