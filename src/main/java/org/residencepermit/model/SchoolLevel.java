package org.residencepermit.model;

public enum SchoolLevel { PRIMARY, SECONDARY, SECONDARY_VOCATIONAL, HIGHER, RESEARCH_INSTITUTE, NON_ACADEMIC }
