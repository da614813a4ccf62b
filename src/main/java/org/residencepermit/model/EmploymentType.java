package org.residencepermit.model;

public enum EmploymentType { EMPLOYEE, SELF_EMPLOYED_LICENSED, FREELANCE_UNLICENSED, NONE }
