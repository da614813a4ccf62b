package org.residencepermit.engine;

import org.drools.base.InitialFact;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.RequestAndDerived;
import org.residencepermit.model.RuleFiring;

import java.util.ArrayList;
import java.util.List;

/**
 * Listens to one evaluation: attributes every fact a rule inserts to that rule (so each outcome carries its rule ID
 * and source), and, when explaining, records every firing with the facts it matched.
 */
final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** An outcome fact and the rule that concluded it. */
    record Attributed(RuleInfo rule, Object fact) {
    }

    private final RuleBase ruleBase;
    private final Jurisdiction jurisdiction;
    private final boolean explain;
    private final List<Attributed> outcomes = new ArrayList<>();
    private final List<RuleInfo> fired = new ArrayList<>();
    private final List<RuleFiring> firings = new ArrayList<>();
    private List<String> currentConclusions;
    /** A consequence usually inserts several facts in a row: remember the last rule looked up. */
    private Rule lastRule;
    private RuleInfo lastInfo;

    Recorder(RuleBase ruleBase, Jurisdiction jurisdiction, boolean explain) {
        this.ruleBase = ruleBase;
        this.jurisdiction = jurisdiction;
        this.explain = explain;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Rule rule = event.getRule();
        if (rule == null) {
            return;
        }
        outcomes.add(new Attributed(info(rule), event.getObject()));
        if (explain) {
            if (currentConclusions == null) {
                currentConclusions = new ArrayList<>();
            }
            currentConclusions.add(event.getObject().toString());
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleInfo info = info(event.getMatch().getRule());
        fired.add(info);
        if (!explain) {
            return;
        }
        List<String> matched = new ArrayList<>();
        // A lifted guard matched no fact, but held because of these regime facts: listed as if it had matched them.
        for (RegimeGuard guard : LiftedRegimeGuards.of(event.getMatch().getRule())) {
            guard.factsIn(jurisdiction).forEach(regime -> matched.add(regime.toString()));
        }
        for (Object fact : event.getMatch().getObjects()) {
            if (fact instanceof RequestAndDerived both) {
                // The merged pattern is listed as the patterns the rule wrote (MergedRequestPatterns).
                Rule rule = event.getMatch().getRule();
                if (MergedRequestPatterns.rewroteRequest(rule)) {
                    matched.add(describe(both.getRequest()));
                }
                if (MergedRequestPatterns.rewroteDerived(rule)) {
                    matched.add(describe(both.getDerived()));
                }
            } else if (!(fact instanceof InitialFact)) {
                // Drools matches its own initial fact where a rule begins with not/exists/eval, as a lifted guard can
                // leave it.
                matched.add(describe(fact));
            }
        }
        firings.add(new RuleFiring(firings.size() + 1, info.id(), info.name(), info.jurisdiction(), info.title(),
                info.source(), matched, currentConclusions == null ? List.of() : currentConclusions));
        currentConclusions = null;
    }

    private RuleInfo info(Rule rule) {
        if (rule != lastRule) {
            lastInfo = ruleBase.rule(rule);
            lastRule = rule;
        }
        return lastInfo;
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Outcome facts are immutable records; nothing is ever updated.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Rules never retract outcomes.
    }

    List<Attributed> outcomes() {
        return outcomes;
    }

    /** Every rule that fired, in order, whether or not it concluded anything. */
    List<RuleInfo> fired() {
        return fired;
    }

    List<RuleFiring> firings() {
        return firings;
    }

    /** The request itself is summarized; other facts are small records whose toString is their content. */
    private static String describe(Object fact) {
        if (fact instanceof DecisionRequest r) {
            return "DecisionRequest[procedure=" + r.procedure() + ", city=" + r.city() + ", asOf=" + r.asOf() + "]";
        }
        return String.valueOf(fact);
    }
}
