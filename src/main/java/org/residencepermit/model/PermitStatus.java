package org.residencepermit.model;

public enum PermitStatus { ACTIVE, SUSPENDED, CANCELLED, TERMINATED }
