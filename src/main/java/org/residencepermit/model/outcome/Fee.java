package org.residencepermit.model.outcome;

public enum Fee { FREE, PRODUCTION_FEE_AMOUNT_UNCONFIRMED }
