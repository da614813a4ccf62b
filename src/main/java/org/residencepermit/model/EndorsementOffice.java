package org.residencepermit.model;

/** Beijing: endorsement at the local station (属地), at any other station (异地), or online. */
public enum EndorsementOffice { LOCAL_STATION, OTHER_STATION, ONLINE }
