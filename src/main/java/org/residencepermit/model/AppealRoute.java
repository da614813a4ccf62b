package org.residencepermit.model;

public enum AppealRoute { RECONSIDERATION, LITIGATION }
