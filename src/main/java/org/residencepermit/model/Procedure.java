package org.residencepermit.model;

/** The procedure the applicant asks for (rulebook 3.1). */
public enum Procedure {
    RESIDENCE_REGISTRATION, REGISTRATION_CERTIFICATE, FIRST_APPLICATION, ENDORSEMENT, INFO_CHANGE, INFO_CORRECTION,
    REPLACEMENT_DAMAGED, REISSUE_LOST, REAPPLICATION, APPEAL
}
