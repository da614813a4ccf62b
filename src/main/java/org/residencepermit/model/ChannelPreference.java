package org.residencepermit.model;

public enum ChannelPreference { OFFLINE, ONLINE, ANY }
