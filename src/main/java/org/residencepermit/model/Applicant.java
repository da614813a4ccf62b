package org.residencepermit.model;

import java.time.LocalDate;

public record Applicant(LocalDate birthDate, Citizenship citizenship, String hukouCity, String hukouCounty,
                        String hukouProvince, Boolean mobilityImpaired, Boolean disabled, Boolean hasSecondGenIdCard) {
    public static final Applicant EMPTY = new Applicant(null, null, null, null, null, null, null, null);
}
