package org.residencepermit.model;

/** CONV-9. */
public enum Verdict { ELIGIBLE, NOT_ELIGIBLE, NEEDS_MORE_INFO }
