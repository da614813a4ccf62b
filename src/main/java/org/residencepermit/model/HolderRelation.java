package org.residencepermit.model;

/** Who owns or rents the dwelling, relative to the applicant. */
public enum HolderRelation { SELF, CLOSE_RELATIVE, OTHER }
