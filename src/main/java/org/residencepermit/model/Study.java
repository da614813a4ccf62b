package org.residencepermit.model;

public record Study(Boolean enrolledFullTime, SchoolLevel schoolLevel) {
    public static final Study EMPTY = new Study(null, null);
}
