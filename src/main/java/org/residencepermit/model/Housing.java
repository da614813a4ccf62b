package org.residencepermit.model;

public record Housing(HousingType housingType, HolderRelation holderRelation, Boolean leaseRegistered,
                      Boolean lawfulDwelling, Boolean landlordPresent) {
    public static final Housing EMPTY = new Housing(null, null, null, null, null);
}
