package org.residencepermit.model;

public enum AppealDecisionType { REFUSAL_TO_ISSUE, REFUSAL_TO_ENDORSE, CANCELLATION, NON_ACCEPTANCE, NO_RESPONSE }
