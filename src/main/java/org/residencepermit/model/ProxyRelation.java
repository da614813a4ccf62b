package org.residencepermit.model;

/** Relation of a proxy to the applicant; CLOSE_RELATIVE as defined by 民法典 Art. 1045. */
public enum ProxyRelation { GUARDIAN, CLOSE_RELATIVE, EMPLOYER, OTHER }
