package org.residencepermit.model;

public record Talent(Boolean talentOrInvestor) {
    public static final Talent EMPTY = new Talent(null);
}
