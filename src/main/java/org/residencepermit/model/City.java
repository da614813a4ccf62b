package org.residencepermit.model;

/** The city where the service is requested (rulebook 3.1); OTHER means the national default applies. */
public enum City { BEIJING, SHANGHAI, CHANGSHA, HANGZHOU, SHENZHEN, GUANGZHOU, OTHER }
