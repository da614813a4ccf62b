package org.residencepermit.model.outcome;

import org.residencepermit.model.Channel;

public record AlternativeChannel(Channel channel) {
}
