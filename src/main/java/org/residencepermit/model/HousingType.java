package org.residencepermit.model;

public enum HousingType {
    OWNED, RENTED, LODGING_WITH_RELATIVE, LODGING_WITH_OTHER, EMPLOYER_DORM, SCHOOL_DORM, HOTEL, NONE;

    public boolean isLodging() {
        return this == LODGING_WITH_RELATIVE || this == LODGING_WITH_OTHER;
    }
}
