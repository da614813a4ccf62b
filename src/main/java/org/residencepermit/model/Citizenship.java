package org.residencepermit.model;

public enum Citizenship { MAINLAND, HK_MACAO, TAIWAN, FOREIGN }
