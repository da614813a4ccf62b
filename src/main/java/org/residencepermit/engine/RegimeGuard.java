package org.residencepermit.engine;

import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's condition on who governs a topic, written {@code Regime(topic == Topic.ENDORSEMENT, jurisdiction ==
 * "beijing")}: it holds for requests decided by a jurisdiction that governs one of the topics (any jurisdiction when
 * none is named). Regime facts are fixed per jurisdiction, so whether a guard holds is known before any request.
 */
record RegimeGuard(Set<Topic> topics, String jurisdiction) {

    RegimeGuard {
        topics = Set.copyOf(topics);
    }

    boolean admits(Jurisdiction deciding) {
        return jurisdiction == null || topics.stream().anyMatch(t -> deciding.governing(t).equals(jurisdiction));
    }

    /** The regime facts of the deciding jurisdiction that satisfy the guard, in topic order. */
    List<Regime> factsIn(Jurisdiction deciding) {
        List<Regime> facts = new ArrayList<>();
        for (Topic topic : EnumSet.copyOf(topics)) {
            String governing = deciding.governing(topic);
            if (jurisdiction == null || governing.equals(jurisdiction)) {
                facts.add(new Regime(topic, governing));
            }
        }
        return facts;
    }

    /** {@code ENDORSEMENT,REAPPLICATION@beijing}, or {@code SCOPE@*} when no jurisdiction is named. */
    String encode() {
        List<String> names = EnumSet.copyOf(topics).stream().map(Topic::name).toList();
        return String.join(",", names) + "@" + (jurisdiction == null ? "*" : jurisdiction);
    }

    /** The inverse of {@link #encode}, for guards joined by {@code ;}. */
    static List<RegimeGuard> decodeAll(String encoded) {
        List<RegimeGuard> guards = new ArrayList<>();
        for (String guard : encoded.split(";")) {
            int at = guard.lastIndexOf('@');
            Set<Topic> topics = EnumSet.noneOf(Topic.class);
            for (String topic : guard.substring(0, at).split(",")) {
                topics.add(Topic.valueOf(topic));
            }
            String jurisdiction = guard.substring(at + 1);
            guards.add(new RegimeGuard(topics, jurisdiction.equals("*") ? null : jurisdiction));
        }
        return guards;
    }
}
