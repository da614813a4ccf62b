package org.residencepermit.model;

public enum DecidingAuthority { POLICE_STATION, COUNTY_PSB, ENTRUSTED_COMMUNITY_CENTER }
