package org.residencepermit.engine;

import org.residencepermit.model.Channel;
import org.residencepermit.model.ChannelPreference;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.DocumentCode;
import org.residencepermit.model.Reason;
import org.residencepermit.model.RuleFiring;
import org.residencepermit.model.Verdict;
import org.residencepermit.model.outcome.Alternative;
import org.residencepermit.model.outcome.Aspect;
import org.residencepermit.model.outcome.AlternativeChannel;
import org.residencepermit.model.outcome.AlternativeDocument;
import org.residencepermit.model.outcome.ChannelOffered;
import org.residencepermit.model.outcome.ConditionMet;
import org.residencepermit.model.outcome.Conflict;
import org.residencepermit.model.outcome.Consequence;
import org.residencepermit.model.outcome.ConsequenceKey;
import org.residencepermit.model.outcome.Deadline;
import org.residencepermit.model.outcome.EarliestEligibleDate;
import org.residencepermit.model.outcome.Eligible;
import org.residencepermit.model.outcome.Fee;
import org.residencepermit.model.outcome.FeeCharged;
import org.residencepermit.model.outcome.Ineligible;
import org.residencepermit.model.outcome.MissingDocument;
import org.residencepermit.model.outcome.MissingFact;
import org.residencepermit.model.outcome.MoreInfoNeeded;
import org.residencepermit.model.outcome.NotRequired;
import org.residencepermit.model.outcome.Note;
import org.residencepermit.model.outcome.RequiredDocument;
import org.residencepermit.model.outcome.TimeLimit;
import org.residencepermit.model.outcome.Uncertainty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the outcome facts that rules concluded into a {@link Decision}. The verdict follows CONV-9 and rulebook
 * section 6: contradictory facts first (NEEDS_MORE_INFO), then any failed substantive condition (NOT_ELIGIBLE), then
 * missing facts or documents (NEEDS_MORE_INFO), then ELIGIBLE when a rule found the conditions met. When no rule
 * decided the procedure at all, the answer is NEEDS_MORE_INFO, never a guessed ELIGIBLE.
 */
final class DecisionAssembler {

    static final String NO_RULE_DECIDED = "NO_RULE_DECIDED";
    private static final Set<Aspect> NOT_ASSERTED_WHEN_REFUSED =
            java.util.EnumSet.of(Aspect.DOCUMENTS, Aspect.CHANNELS, Aspect.TIME_LIMIT);

    private DecisionAssembler() {
    }

    static Decision assemble(DecisionRequest request, Jurisdiction jurisdiction, RuleBase ruleBase,
                             List<RuleInfo> fired, List<Recorder.Attributed> outcomes, List<RuleFiring> trace) {
        List<Reason> eligible = new ArrayList<>();
        List<Reason> ineligible = new ArrayList<>();
        List<Reason> moreInfo = new ArrayList<>();
        List<Reason> conflicts = new ArrayList<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        fired.forEach(rule -> ruleIds.add(rule.id()));
        List<Reason> conditionsMet = new ArrayList<>();
        Set<RequiredDocument> required = new LinkedHashSet<>();
        Set<RequiredDocument> missingDocs = new LinkedHashSet<>();
        Set<DocumentCode> notRequired = new LinkedHashSet<>();
        Set<Channel> channels = new LinkedHashSet<>();
        Set<Channel> altChannels = new LinkedHashSet<>();
        Set<RequiredDocument> altDocs = new LinkedHashSet<>();
        Set<String> missingFacts = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        List<Recorder.Attributed> uncertainties = new ArrayList<>();
        Map<ConsequenceKey, Object> consequences = new EnumMap<>(ConsequenceKey.class);
        TimeLimit timeLimit = null;
        Fee fee = null;
        LocalDate deadline = null;
        LocalDate deadlineMissed = null;
        LocalDate earliest = null;
        String alternative = null;

        for (Recorder.Attributed a : outcomes) {
            RuleInfo rule = a.rule();
            Object fact = a.fact();
            if (fact instanceof ConditionMet c) {
                conditionsMet.add(reason(rule, "CONDITION_MET", c.code(), c.message()));
            } else if (fact instanceof Eligible e) {
                eligible.add(reason(rule, "ELIGIBLE", e.code(), e.message()));
            } else if (fact instanceof Ineligible i) {
                ineligible.add(reason(rule, "NOT_ELIGIBLE", i.code(), i.message()));
            } else if (fact instanceof MoreInfoNeeded m) {
                moreInfo.add(reason(rule, "NEEDS_MORE_INFO", m.code(), m.message()));
            } else if (fact instanceof MissingFact m) {
                missingFacts.add(m.path());
                moreInfo.add(reason(rule, "MISSING_FACT", m.path(), m.message()));
            } else if (fact instanceof Conflict c) {
                conflicts.add(reason(rule, "CONFLICT", c.code(), c.message()));
            } else if (fact instanceof RequiredDocument d) {
                required.add(d);
            } else if (fact instanceof MissingDocument m) {
                missingDocs.add(m.requirement());
            } else if (fact instanceof NotRequired n) {
                notRequired.add(n.code());
            } else if (fact instanceof ChannelOffered c) {
                channels.add(c.channel());
            } else if (fact instanceof AlternativeChannel c) {
                altChannels.add(c.channel());
            } else if (fact instanceof AlternativeDocument d) {
                altDocs.add(new RequiredDocument(d.anyOf()));
            } else if (fact instanceof Alternative alt) {
                alternative = alt.procedure();
            } else if (fact instanceof TimeLimit t) {
                timeLimit = t;
            } else if (fact instanceof FeeCharged f) {
                fee = f.fee();
            } else if (fact instanceof Deadline d) {
                deadline = d.date();
                deadlineMissed = d.missed() ? d.date() : deadlineMissed;
            } else if (fact instanceof EarliestEligibleDate d) {
                earliest = earliest == null || d.date().isAfter(earliest) ? d.date() : earliest;
            } else if (fact instanceof Consequence c) {
                consequences.put(c.key(), c.value());
            } else if (fact instanceof Uncertainty) {
                uncertainties.add(a);
            } else if (fact instanceof Note n) {
                notes.add(n.text());
            }
        }

        Verdict verdict;
        if (!conflicts.isEmpty()) {
            verdict = Verdict.NEEDS_MORE_INFO;
        } else if (!ineligible.isEmpty()) {
            verdict = Verdict.NOT_ELIGIBLE;
        } else if (!moreInfo.isEmpty() || !missingDocs.isEmpty()) {
            verdict = Verdict.NEEDS_MORE_INFO;
        } else if (!eligible.isEmpty()) {
            verdict = Verdict.ELIGIBLE;
        } else {
            verdict = Verdict.NEEDS_MORE_INFO;
            moreInfo.add(new Reason(null, "NEEDS_MORE_INFO", NO_RULE_DECIDED, "No rule of jurisdiction '"
                    + jurisdiction.id() + "' decides procedure " + request.procedure()
                    + " for these facts; refer the case to a case worker.", null, null));
        }

        List<Reason> reasons = new ArrayList<>(conflicts);
        reasons.addAll(ineligible);
        reasons.addAll(moreInfo);
        reasons.addAll(eligible);
        reasons.addAll(conditionsMet);
        boolean refused = verdict == Verdict.NOT_ELIGIBLE;
        Set<String> uncertainNotes = new LinkedHashSet<>();
        for (Recorder.Attributed a : uncertainties) {
            Uncertainty u = (Uncertainty) a.fact();
            if (!refused || !NOT_ASSERTED_WHEN_REFUSED.contains(u.aspect())) {
                uncertainNotes.add(a.rule().id() + " [" + u.aspect() + "]: " + u.note());
            }
        }
        Map<DocumentCode, String> names = new EnumMap<>(DocumentCode.class);
        for (Set<RequiredDocument> docs : List.of(required, altDocs)) {
            docs.forEach(d -> d.anyOf().forEach(code -> names.put(code, code.chineseName())));
        }
        notRequired.forEach(code -> names.put(code, code.chineseName()));

        List<Channel> offered = refused ? List.of() : preferredFirst(channels, request.channelRequested(), notes);
        return new Decision(verdict, request.procedure(), request.city(), jurisdiction.id(), request.asOf(),
                reasons, List.copyOf(ruleIds),
                refused ? List.of() : List.copyOf(required),
                refused ? List.of() : List.copyOf(missingDocs),
                List.copyOf(notRequired), names,
                offered,
                refused ? null : timeLimit, fee, deadline, deadlineMissed,
                consequenceMap(consequences), earliest, alternative,
                List.copyOf(altChannels), List.copyOf(altDocs),
                List.copyOf(missingFacts), conflicts.stream().map(Reason::code).toList(), List.copyOf(notes),
                !uncertainNotes.isEmpty(), List.copyOf(uncertainNotes), ruleBase.version(), trace);
    }

    /**
     * The applicant's preferred kind of channel (channelRequested) comes first; when the procedure offers none of that
     * kind, a note says so rather than dropping the channels that do exist.
     */
    private static List<Channel> preferredFirst(Set<Channel> channels, ChannelPreference preference,
                                                Set<String> notes) {
        if (preference == null || preference == ChannelPreference.ANY || channels.isEmpty()) {
            return List.copyOf(channels);
        }
        boolean online = preference == ChannelPreference.ONLINE;
        List<Channel> ordered = new ArrayList<>();
        channels.stream().filter(c -> c.online() == online).forEach(ordered::add);
        if (ordered.isEmpty()) {
            notes.add(online ? "此事项没有网上办理渠道，须到下列窗口办理。" : "此事项只能通过下列网上渠道办理。");
        }
        channels.stream().filter(c -> c.online() != online).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static Reason reason(RuleInfo rule, String kind, String code, String message) {
        return new Reason(rule.id(), kind, code, message, rule.title(), rule.source());
    }

    /** Every key of the section 7 vocabulary is present; null means "not asserted". */
    private static Map<String, Object> consequenceMap(Map<ConsequenceKey, Object> asserted) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (ConsequenceKey key : ConsequenceKey.values()) {
            result.put(key.jsonName(), asserted.get(key));
        }
        return java.util.Collections.unmodifiableMap(result);
    }
}
