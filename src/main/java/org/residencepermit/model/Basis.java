package org.residencepermit.model;

/** The ground for a permit: stable employment, stable residence or continuous study. */
public enum Basis { EMPLOYMENT, RESIDENCE, STUDY }
