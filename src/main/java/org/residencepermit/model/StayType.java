package org.residencepermit.model;

/** Kind of stay, used for the Zhejiang registration exemptions. */
public enum StayType { ORDINARY, HOTEL, HOSPITAL_INPATIENT, SCHOOL_BOARDING, RESCUE_STATION, WITH_LOCAL_CLOSE_RELATIVE }
