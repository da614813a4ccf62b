package org.residencepermit.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In which jurisdictions a compiled rule can fire, read from its {@code Regime} guards: a national ENDORSEMENT rule
 * guarded by {@code Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national")} can never fire in a city that
 * overrides ENDORSEMENT, because the engine inserts the jurisdiction's fixed regime facts and rules never insert any.
 * <p>
 * Leaving such rules out of a city's KieBase is an optimisation, not a change of meaning: the override stays explicit
 * in the DRL and in {@code jurisdiction.yaml}. A decision's cost grows with the network its facts flow through, and
 * the left-out rules would only have staged facts in joins that can never complete. A guard written in a form this
 * class does not recognise keeps the rule everywhere.
 */
final class RuleScope {
    private static final Pattern EQUALS = Pattern.compile("^(\\w+)\\s*==\\s*(\\S+)$");

    /** One {@code Regime} pattern: a jurisdiction must govern one of these topics (any jurisdiction when null). */
    private record RegimeGuard(Set<Topic> topics, String jurisdiction) {
        boolean admits(Jurisdiction deciding) {
            return jurisdiction == null || topics.stream().anyMatch(t -> deciding.governing(t).equals(jurisdiction));
        }
    }

    private final List<RegimeGuard> guards;

    private RuleScope(List<RegimeGuard> guards) {
        this.guards = guards;
    }

    static RuleScope of(RuleImpl rule) {
        List<RegimeGuard> guards = new ArrayList<>();
        GroupElement lhs = rule.getLhs();
        if (lhs.isAnd()) {
            // Only patterns that must match (children of the top-level AND); a Regime under not/or/exists says
            // nothing about when the rule fires.
            for (RuleConditionElement element : lhs.getChildren()) {
                if (element instanceof org.drools.base.rule.Pattern pattern
                        && pattern.getObjectType() instanceof ClassObjectType type
                        && type.getClassType() == Regime.class) {
                    guards.add(guard(pattern));
                }
            }
        }
        return new RuleScope(List.copyOf(guards));
    }

    private static RegimeGuard guard(org.drools.base.rule.Pattern pattern) {
        Set<Topic> topics = EnumSet.allOf(Topic.class);
        String jurisdiction = null;
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof MVELConstraint mvel) {
                String expression = mvel.getExpression().trim();
                topics.retainAll(topics(expression));
                String literal = stringLiteral(expression, "jurisdiction");
                if (literal != null) {
                    jurisdiction = literal;
                }
            }
        }
        return new RegimeGuard(topics, jurisdiction);
    }

    /** Whether the rule can fire for requests decided by this jurisdiction. */
    boolean canFire(Jurisdiction jurisdiction) {
        return guards.stream().allMatch(guard -> guard.admits(jurisdiction));
    }

    /**
     * The topics {@code topic == Topic.X} allows, or {@code topic in (Topic.X, Topic.Y)}, which reaches us as
     * {@code topic == Topic.X || topic == Topic.Y}; all topics for anything else.
     */
    static Set<Topic> topics(String expression) {
        Set<String> wanted = new HashSet<>();
        for (String alternative : expression.split("\\|\\|")) {
            Matcher equals = EQUALS.matcher(alternative.trim());
            if (!equals.matches() || !equals.group(1).equals("topic")) {
                return EnumSet.allOf(Topic.class);
            }
            wanted.add(equals.group(2));
        }
        String prefix = Topic.class.getSimpleName() + ".";
        Set<Topic> result = EnumSet.noneOf(Topic.class);
        for (Topic topic : Topic.values()) {
            if (wanted.contains(prefix + topic.name())) {
                result.add(topic);
            }
        }
        // Anything but plain constants (a variable, a method call): keep the rule rather than guess.
        return result.size() == wanted.size() ? result : EnumSet.allOf(Topic.class);
    }

    /** The string literal of {@code field == "x"}, or null. */
    static String stringLiteral(String expression, String field) {
        Matcher equals = EQUALS.matcher(expression);
        if (equals.matches() && equals.group(1).equals(field)) {
            String value = equals.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                return value.substring(1, value.length() - 1);
            }
        }
        return null;
    }
}
