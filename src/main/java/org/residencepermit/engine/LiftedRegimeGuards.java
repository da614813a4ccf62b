package org.residencepermit.engine;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.definition.rule.Rule;
import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves a rule's leading {@code Regime} guards out of its conditions and into its metadata, before the DRL is
 * compiled. A guard's truth depends only on the jurisdiction (the engine inserts its fixed regime facts; rules never
 * insert any), and {@link RuleScope} already leaves every rule whose guard cannot hold out of a jurisdiction's KieBase.
 * In the KieBases that keep the rule the guard always holds, so matching it at every decision only cost a join per
 * rule and the regime facts' inserts. The analyst's DRL is unchanged; the trace still lists the regime facts.
 * <p>
 * Lifted: a top-level pattern before any other condition, {@code Regime(topic == Topic.X)} or {@code Regime(topic in
 * (Topic.X, Topic.Y))}, optionally with {@code jurisdiction == "id"}, and nothing else (no binding, no {@code from}).
 * Any other use of {@code Regime} stays a pattern and is matched against the inserted regime facts as before. A guard
 * over several topics that the jurisdiction all governs held once per matching regime fact, so such a rule fired once
 * per topic; lifted, it fires once.
 */
final class LiftedRegimeGuards {
    /** The rule metadata key holding the lifted guards, see {@link RegimeGuard#encode}. */
    static final String METADATA_KEY = "regimeGuards";

    private static final Pattern TOPIC_EQUALS = Pattern.compile("topic\\s*==\\s*Topic\\.(\\w+)");
    private static final Pattern TOPIC_IN = Pattern.compile("topic\\s+in\\s*\\(([\\w.,\\s]+)\\)");
    private static final Pattern JURISDICTION_EQUALS = Pattern.compile("jurisdiction\\s*==\\s*\"([\\w-]+)\"");
    private static final Set<String> TOPICS = EnumSet.allOf(Topic.class).stream().map(Topic::name)
            .collect(Collectors.toUnmodifiableSet());

    private LiftedRegimeGuards() {
    }

    /**
     * Lifts the guards of the rules of one jurisdiction's files (one package, compiled together), and returns the
     * errors found: the metadata key is reserved, and no rule may insert a Regime fact. Rules that extend or are extended by another rule, in any of the
     * files, keep their guards: a child rule copies its parent's conditions. Guards are lifted only in files where
     * {@code Regime} and {@code Topic} are the fact model's types, so an unresolvable or foreign type still reaches
     * Drools and its error.
     */
    static List<CompileError> lift(Map<String, PackageDescr> filesByName) {
        return new DrlRewriteScope(filesByName).rewrite(METADATA_KEY, List.of(Regime.class, Topic.class),
                // Guards, lifted or not, rest on the regime facts being the engine's, fixed per jurisdiction.
                rule -> String.valueOf(rule.getConsequence()).contains("new Regime(")
                        ? "rules must not insert Regime facts (jurisdiction.yaml's overrides decide them)" : null,
                LiftedRegimeGuards::lift);
    }

    private static void lift(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            return;
        }
        List<RegimeGuard> guards = new ArrayList<>();
        List<BaseDescr> lifted = new ArrayList<>();
        for (BaseDescr element : lhs.getDescrs()) {
            RegimeGuard guard = element instanceof PatternDescr pattern ? guard(pattern) : null;
            if (guard == null) {
                break;
            }
            guards.add(guard);
            lifted.add(element);
        }
        if (guards.isEmpty()) {
            return;
        }
        lifted.forEach(lhs::removeDescr);
        String encoded = guards.stream().map(RegimeGuard::encode).collect(Collectors.joining(";"));
        rule.addAnnotation(METADATA_KEY, '"' + encoded + '"');
    }

    /** The guard a pattern states, or null when it is not a pure guard in one of the lifted forms. */
    static RegimeGuard guard(PatternDescr pattern) {
        boolean regime = pattern.getObjectType().equals(Regime.class.getSimpleName());
        if (!regime || pattern.getIdentifier() != null || pattern.getSource() != null || pattern.isQuery()
                || !pattern.getBehaviors().isEmpty() || !(pattern.getConstraint() instanceof AndDescr constraints)) {
            return null;
        }
        Set<Topic> topics = null;
        String jurisdiction = null;
        for (BaseDescr constraint : constraints.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expression)
                    || expression.getType() != ExprConstraintDescr.Type.NAMED) {
                return null;
            }
            String text = expression.getExpression().trim();
            Matcher matcher;
            if (topics == null && (matcher = TOPIC_EQUALS.matcher(text)).matches()) {
                topics = topics(List.of("Topic." + matcher.group(1)));
            } else if (topics == null && (matcher = TOPIC_IN.matcher(text)).matches()) {
                topics = topics(List.of(matcher.group(1).split(",")));
            } else if (jurisdiction == null && (matcher = JURISDICTION_EQUALS.matcher(text)).matches()) {
                jurisdiction = matcher.group(1);
            } else {
                return null;
            }
            if (topics != null && topics.isEmpty()) {
                return null;
            }
        }
        return topics == null ? null : new RegimeGuard(topics, jurisdiction);
    }

    /** The topics named {@code Topic.X}, or an empty set if any is not a known constant (Drools then reports it). */
    private static Set<Topic> topics(List<String> constants) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (String constant : constants) {
            String name = constant.trim();
            if (!name.startsWith("Topic.") || !TOPICS.contains(name.substring("Topic.".length()))) {
                return Set.of();
            }
            topics.add(Topic.valueOf(name.substring("Topic.".length())));
        }
        return topics;
    }

    /** The guards lifted from a compiled rule, in the order they were written; empty when none were. */
    static List<RegimeGuard> of(Rule rule) {
        Object encoded = rule.getMetaData().get(METADATA_KEY);
        return encoded == null ? List.of() : RegimeGuard.decodeAll(encoded.toString());
    }
}
