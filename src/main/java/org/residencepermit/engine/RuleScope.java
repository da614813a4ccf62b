package org.residencepermit.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import org.residencepermit.model.RequestAndDerived;
import org.residencepermit.model.Topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In which jurisdictions a compiled rule can fire, read from its {@code Regime} guards (lifted into its metadata by
 * {@link LiftedRegimeGuards}, or still written as patterns): a national ENDORSEMENT rule
 * guarded by {@code Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national")} can never fire in a city that
 * overrides ENDORSEMENT, because the engine inserts the jurisdiction's fixed regime facts and rules never insert any.
 * <p>
 * Leaving such rules out of a city's KieBase is an optimisation, not a change of meaning: the override stays explicit
 * in the DRL and in {@code jurisdiction.yaml}. A decision's cost grows with the network its facts flow through, and
 * the left-out rules would only have staged facts in joins that can never complete. A guard written in a form this
 * class does not recognise keeps the rule everywhere.
 * <p>
 * For the same reason a decision inserts only the regime facts that a rule able to fire for its procedure could
 * match ({@link #regimeFacts}); the procedures come from {@code DecisionRequest(procedure == ... / in (...))}, or
 * from the pattern that pattern became ({@link MergedRequestPatterns}).
 */
final class RuleScope {
    private static final Pattern EQUALS = Pattern.compile("^(\\w+)\\s*==\\s*(\\S+)$");

    /** Every guard: those lifted into the rule's metadata and those still matched as patterns. */
    private final List<RegimeGuard> guards;
    /** The guards still written as patterns: they need their regime facts inserted. */
    private final List<RegimeGuard> patternGuards;
    /** The procedures of the requests the rule can match. */
    private final Set<Procedure> procedures;
    /** A Regime pattern under not/or/exists/accumulate/...: its absence may matter, so every regime fact is needed. */
    private final boolean regimeBeyondGuards;

    private RuleScope(List<RegimeGuard> guards, List<RegimeGuard> patternGuards, Set<Procedure> procedures,
                      boolean regimeBeyondGuards) {
        this.guards = guards;
        this.patternGuards = patternGuards;
        this.procedures = procedures;
        this.regimeBeyondGuards = regimeBeyondGuards;
    }

    static RuleScope of(RuleImpl rule) {
        List<RegimeGuard> patternGuards = new ArrayList<>();
        Set<Procedure> procedures = EnumSet.allOf(Procedure.class);
        List<RuleConditionElement> mustMatch = new ArrayList<>();
        GroupElement lhs = rule.getLhs();
        if (lhs.isAnd()) {
            // Only patterns that must match (children of the top-level AND); a Regime under not/or/exists says
            // nothing about when the rule fires.
            for (RuleConditionElement element : lhs.getChildren()) {
                if (element instanceof org.drools.base.rule.Pattern pattern && pattern.getSource() == null) {
                    if (isOf(pattern, Regime.class)) {
                        patternGuards.add(guard(pattern));
                        mustMatch.add(pattern);
                    } else if (isOf(pattern, DecisionRequest.class) || isOf(pattern, RequestAndDerived.class)) {
                        procedures.retainAll(procedures(pattern));
                    }
                }
            }
        }
        boolean beyondGuards = mentionsRegime(lhs, mustMatch);
        List<RegimeGuard> guards = new ArrayList<>(LiftedRegimeGuards.of(rule));
        guards.addAll(patternGuards);
        return new RuleScope(List.copyOf(guards), List.copyOf(patternGuards), procedures, beyondGuards);
    }

    private static boolean isOf(org.drools.base.rule.Pattern pattern, Class<?> type) {
        return pattern.getObjectType() instanceof ClassObjectType classType && classType.getClassType() == type;
    }

    /** Whether a Regime pattern occurs anywhere in the element other than the guards already read. */
    private static boolean mentionsRegime(RuleConditionElement element, List<RuleConditionElement> guards) {
        if (element instanceof org.drools.base.rule.Pattern pattern && isOf(pattern, Regime.class)
                && guards.stream().noneMatch(guard -> guard == element)) {
            return true;
        }
        return element.getNestedElements().stream().anyMatch(nested -> mentionsRegime(nested, guards));
    }

    private static Set<Procedure> procedures(org.drools.base.rule.Pattern pattern) {
        Set<Procedure> procedures = EnumSet.allOf(Procedure.class);
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof MVELConstraint mvel) {
                procedures.retainAll(constants(mvel.getExpression().trim(), "procedure", Procedure.class));
            }
        }
        return procedures;
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
     * Per procedure, the jurisdiction's regime facts that the given rules (national and its own) could match when
     * deciding it. A rule that can fire for the procedure needs the facts of every topic its guard patterns name
     * (lifted guards match nothing, see {@link LiftedRegimeGuards}); a rule that uses Regime in any other way makes
     * every regime fact needed for every procedure.
     */
    static Map<Procedure, List<Regime>> regimeFacts(Jurisdiction jurisdiction, Collection<RuleScope> rules) {
        Map<Procedure, Set<Topic>> needed = new EnumMap<>(Procedure.class);
        for (Procedure procedure : Procedure.values()) {
            needed.put(procedure, EnumSet.noneOf(Topic.class));
        }
        for (RuleScope rule : rules) {
            if (!rule.canFire(jurisdiction)) {
                continue;
            }
            if (rule.regimeBeyondGuards) {
                needed.values().forEach(topics -> topics.addAll(EnumSet.allOf(Topic.class)));
            } else {
                rule.procedures.forEach(procedure -> rule.patternGuards.forEach(guard -> needed.get(procedure)
                        .addAll(guard.topics())));
            }
        }
        Map<Procedure, List<Regime>> facts = new EnumMap<>(Procedure.class);
        needed.forEach((procedure, topics) -> facts.put(procedure, topics.stream()
                .map(topic -> new Regime(topic, jurisdiction.governing(topic))).toList()));
        return facts;
    }

    /**
     * The topics {@code topic == Topic.X} allows, or {@code topic in (Topic.X, Topic.Y)}, which reaches us as
     * {@code topic == Topic.X || topic == Topic.Y}; all topics for anything else.
     */
    static Set<Topic> topics(String expression) {
        return constants(expression, "topic", Topic.class);
    }

    /**
     * The enum constants {@code field == Type.X} allows, or {@code field in (Type.X, Type.Y)}, which reaches us as
     * {@code field == Type.X || field == Type.Y}; every constant for anything else.
     */
    private static <E extends Enum<E>> Set<E> constants(String expression, String field, Class<E> type) {
        Set<String> wanted = new HashSet<>();
        for (String alternative : expression.split("\\|\\|")) {
            Matcher equals = EQUALS.matcher(alternative.trim());
            if (!equals.matches() || !equals.group(1).equals(field)) {
                return EnumSet.allOf(type);
            }
            wanted.add(equals.group(2));
        }
        String prefix = type.getSimpleName() + ".";
        Set<E> result = EnumSet.noneOf(type);
        for (E constant : type.getEnumConstants()) {
            if (wanted.contains(prefix + constant.name())) {
                result.add(constant);
            }
        }
        // Anything but plain constants (a variable, a method call): assume any value rather than guess.
        return result.size() == wanted.size() ? result : EnumSet.allOf(type);
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
