package org.residencepermit.model;

public record Proxy(ProxyRelation relation, String relationDetail, Integer agentAge) {
}
