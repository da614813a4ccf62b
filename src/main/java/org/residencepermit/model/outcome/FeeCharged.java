package org.residencepermit.model.outcome;

public record FeeCharged(Fee fee) {
}
