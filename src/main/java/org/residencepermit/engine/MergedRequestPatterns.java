package org.residencepermit.engine;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.definition.rule.Rule;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Derived;
import org.residencepermit.model.RequestAndDerived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a rule's {@code DecisionRequest(...)} pattern and the {@code Derived(...)} pattern right after it into one
 * pattern on {@link RequestAndDerived}, before the DRL is compiled; a rule with only one of the two gets it rewritten
 * alone. Each decision inserts exactly one request and one Derived, so matching both patterns always joined one fact
 * with one fact. Drools still paid for the join: every Derived fact entered the join memory of every rule that
 * tests Derived, whatever the request's procedure, and the pooled session reset those memories after each decision.
 * On one fact the conditions are tested one after the other in the alpha network and a rule of another procedure
 * stops at its first test. The analyst's DRL is unchanged; the trace lists the request and the Derived fact as the
 * rule wrote them.
 * <p>
 * Rewritten: a top-level pattern with named constraints only (no {@code from}, positional arguments, unification or
 * sliding windows), in a rule with no other pattern of its type at the top level, that neither extends nor is
 * extended by another rule. A pattern binding {@code $r : DecisionRequest(...)} becomes {@code $r : request}, and
 * {@code this} in its constraints becomes {@code request} ({@code derived} for Derived), so bindings keep their types.
 * Patterns under not/exists/or/accumulate stay as written and match the inserted request and Derived facts.
 */
final class MergedRequestPatterns {
    /** The rule metadata key naming the patterns rewritten, {@code "DecisionRequest,Derived"} or one of them. */
    static final String METADATA_KEY = "requestPatterns";
    private static final String REQUEST = DecisionRequest.class.getSimpleName();
    private static final String DERIVED = Derived.class.getSimpleName();

    private MergedRequestPatterns() {
    }

    /**
     * Rewrites the rules of one jurisdiction's files (one package, compiled together) and returns the errors found:
     * the metadata key is reserved. Only files where DecisionRequest and Derived are the fact model's types are
     * rewritten.
     */
    static List<CompileError> merge(Map<String, PackageDescr> filesByName) {
        return new DrlRewriteScope(filesByName).rewrite(METADATA_KEY, List.of(DecisionRequest.class, Derived.class),
                rule -> null, MergedRequestPatterns::merge);
    }

    private static void merge(RuleDescr rule) {
        AndDescr lhs = rule.getLhs();
        if (lhs == null) {
            return;
        }
        List<BaseDescr> elements = lhs.getDescrs();
        int request = onlyPlain(elements, REQUEST);
        int derived = onlyPlain(elements, DERIVED);
        boolean together = request >= 0 && derived == request + 1;
        boolean requestAlone = request >= 0 && count(elements, DERIVED) == 0;
        boolean derivedAlone = derived >= 0 && count(elements, REQUEST) == 0;
        if (!together && !requestAlone && !derivedAlone) {
            return;
        }
        // Both indexes are set only when the two come together; otherwise the other type is absent.
        PatternDescr merged = new PatternDescr(RequestAndDerived.class.getName());
        List<String> rewritten = new ArrayList<>();
        if (request >= 0) {
            copy((PatternDescr) elements.get(request), "request", merged);
            rewritten.add(REQUEST);
        }
        if (derived >= 0) {
            copy((PatternDescr) elements.get(derived), "derived", merged);
            rewritten.add(DERIVED);
        }
        int at = request >= 0 ? request : derived;
        BaseDescr first = elements.get(at);
        merged.setResource(first.getResource());
        merged.setLocation(first.getLine(), first.getColumn());
        // The Derived pattern, when merged, comes right after the request's, so removing it leaves the index valid.
        if (rewritten.size() == 2) {
            elements.remove(derived);
        }
        elements.set(at, merged);
        rule.addAnnotation(METADATA_KEY, '"' + String.join(",", rewritten) + '"');
    }

    /** The index of the rule's one top-level pattern of the type if it can be rewritten, else -1. */
    private static int onlyPlain(List<BaseDescr> elements, String type) {
        if (count(elements, type) != 1) {
            return -1;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof PatternDescr pattern && pattern.getObjectType().equals(type)) {
                return plain(pattern) ? i : -1;
            }
        }
        return -1;
    }

    private static long count(List<BaseDescr> elements, String type) {
        return elements.stream().filter(e -> e instanceof PatternDescr p && p.getObjectType().equals(type)).count();
    }

    private static boolean plain(PatternDescr pattern) {
        if (pattern.getSource() != null || pattern.isQuery() || !pattern.getBehaviors().isEmpty()
                || pattern.isUnification() || !(pattern.getConstraint() instanceof AndDescr constraints)) {
            return false;
        }
        return constraints.getDescrs().stream().allMatch(c -> c instanceof ExprConstraintDescr e
                && e.getType() == ExprConstraintDescr.Type.NAMED);
    }

    private static void copy(PatternDescr from, String property, PatternDescr to) {
        if (from.getIdentifier() != null) {
            to.addConstraint(new ExprConstraintDescr(from.getIdentifier() + " : " + property));
        }
        for (BaseDescr constraint : ((AndDescr) from.getConstraint()).getDescrs()) {
            ExprConstraintDescr expression = (ExprConstraintDescr) constraint;
            String text = expression.getExpression();
            String replaced = replaceThis(text, property);
            if (replaced.equals(text)) {
                to.addConstraint(expression);
            } else {
                ExprConstraintDescr copy = new ExprConstraintDescr(replaced);
                copy.setType(expression.getType());
                copy.setPosition(expression.getPosition());
                copy.setResource(expression.getResource());
                copy.setLocation(expression.getLine(), expression.getColumn());
                to.addConstraint(copy);
            }
        }
    }

    /** {@code this} as a whole word outside string and character literals becomes the property. */
    static String replaceThis(String text, String property) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("this", i) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
                    && (i + 4 == text.length() || !Character.isJavaIdentifierPart(text.charAt(i + 4)))) {
                out.append(property);
                i += 4;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether the rule's RequestAndDerived pattern stands for its DecisionRequest pattern; false when not merged. */
    static boolean rewroteRequest(Rule rule) {
        return String.valueOf(rule.getMetaData().get(METADATA_KEY)).contains(REQUEST);
    }

    /** Whether the rule's RequestAndDerived pattern stands for its Derived pattern; false when not merged. */
    static boolean rewroteDerived(Rule rule) {
        return String.valueOf(rule.getMetaData().get(METADATA_KEY)).contains(DERIVED);
    }
}
