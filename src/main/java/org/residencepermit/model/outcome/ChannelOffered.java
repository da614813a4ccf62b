package org.residencepermit.model.outcome;

import org.residencepermit.model.Channel;

public record ChannelOffered(Channel channel) {
}
