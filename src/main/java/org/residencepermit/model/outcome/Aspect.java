package org.residencepermit.model.outcome;

/** The part of a decision an uncertainty concerns; a refusal drops the parts it does not assert. */
public enum Aspect { VERDICT, DOCUMENTS, CHANNELS, TIME_LIMIT, FEE, CONSEQUENCES, DEADLINE, EARLIEST_DATE }
