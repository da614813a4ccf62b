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
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
            java.util.EnumSet.of(Aspect.DOCUMENTS, Aspect.CHANNELS, Aspect.TIME_LIMIT, Aspect.FEE);
    /**
     * What the procedure brings once completed (rulebook section 7: "functionRestored: the procedure, once completed,
     * restores the function"). A refused request completes nothing, so it claims none of it, whatever rule found the
     * procedure's own conditions met (e.g. a late endorsement refused because the proxy may not act). What a refusal
     * itself entails (residence years recounted, re-registration, suspension as of asOf) stays.
     */
    private static final Map<ConsequenceKey, Object> CLAIMED_ONLY_WHEN_COMPLETED = Map.of(
            ConsequenceKey.FUNCTION_RESTORED, true, ConsequenceKey.RESIDENCE_YEARS_CONTINUOUS, true,
            ConsequenceKey.SUSPENSION_PERIOD_COUNTED, false, ConsequenceKey.RESIDENCE_YEARS_RECOUNT, false);

    private DecisionAssembler() {
    }

    static Decision assemble(DecisionRequest request, Jurisdiction jurisdiction, RuleBase ruleBase,
                             List<RuleInfo> fired, List<Recorder.Attributed> outcomes, List<RuleFiring> trace) {
        Concluded c = new Concluded();
        for (Recorder.Attributed a : outcomes) {
            c.take(a);
        }

        Verdict verdict;
        if (c.conflicts != null) {
            verdict = Verdict.NEEDS_MORE_INFO;
        } else if (c.ineligible != null) {
            verdict = Verdict.NOT_ELIGIBLE;
        } else if (c.moreInfo != null || c.missingDocs != null) {
            verdict = Verdict.NEEDS_MORE_INFO;
        } else if (c.eligible != null) {
            verdict = Verdict.ELIGIBLE;
        } else {
            verdict = Verdict.NEEDS_MORE_INFO;
            c.moreInfo = add(c.moreInfo, new Reason(null, "NEEDS_MORE_INFO", NO_RULE_DECIDED, "No rule of jurisdiction '"
                    + jurisdiction.id() + "' decides procedure " + request.procedure()
                    + " for these facts; refer the case to a case worker.", null, null));
        }

        List<Reason> reasons = new ArrayList<>();
        for (List<Reason> kind : Arrays.asList(c.conflicts, c.ineligible, c.moreInfo, c.eligible, c.conditionsMet)) {
            if (kind != null) {
                reasons.addAll(kind);
            }
        }
        if (verdict == Verdict.NOT_ELIGIBLE && c.eligible != null) {
            // A refused request is not "eligible" in any part: what a rule found in its favour is a condition met.
            reasons.replaceAll(r -> r.kind().equals("ELIGIBLE") ? new Reason(r.ruleId(), "CONDITION_MET", r.code(),
                    r.message(), r.title(), r.source()) : r);
        }
        List<String> ruleIds = new ArrayList<>(fired.size());
        for (RuleInfo rule : fired) {
            addUnique(ruleIds, rule.id());
        }
        boolean refused = verdict == Verdict.NOT_ELIGIBLE;
        List<String> uncertainNotes = null;
        for (Recorder.Attributed a : c.uncertainties == null ? List.<Recorder.Attributed>of() : c.uncertainties) {
            Uncertainty u = (Uncertainty) a.fact();
            if (!refused || !NOT_ASSERTED_WHEN_REFUSED.contains(u.aspect())) {
                uncertainNotes = addUnique(uncertainNotes, a.rule().id() + " [" + u.aspect() + "]: " + u.note());
            }
        }
        Map<DocumentCode, String> names = new EnumMap<>(DocumentCode.class);
        for (List<RequiredDocument> docs : Arrays.asList(c.required, c.altDocs)) {
            if (docs != null) {
                docs.forEach(d -> d.anyOf().forEach(code -> names.put(code, code.chineseName())));
            }
        }
        if (c.notRequired != null) {
            c.notRequired.forEach(code -> names.put(code, code.chineseName()));
        }

        List<Channel> offered = refused ? List.of() : preferredFirst(c, request.channelRequested());
        return new Decision(verdict, request.procedure(), request.city(), jurisdiction.id(), request.asOf(),
                Collections.unmodifiableList(reasons), Collections.unmodifiableList(ruleIds),
                refused ? List.of() : frozen(c.required),
                refused ? List.of() : frozen(c.missingDocs),
                frozen(c.notRequired), names,
                offered,
                refused ? null : c.timeLimit, refused ? null : c.fee, c.deadline, c.deadlineMissed,
                consequenceMap(c.consequences, refused), refused ? c.earliestWhenOnlyTimeIsMissing() : null,
                c.alternative,
                frozen(c.altChannels), frozen(c.altDocs),
                frozen(c.missingFacts),
                c.conflicts == null ? List.of() : c.conflicts.stream().map(Reason::code).toList(), frozen(c.notes),
                uncertainNotes != null, frozen(uncertainNotes), ruleBase.version(), trace);
    }

    /**
     * The outcome facts sorted by kind, in the order the rules concluded them, without repeats where the response
     * lists things (documents, channels, notes). A decision concludes few kinds, so each list is made when first
     * needed.
     */
    private static final class Concluded {
        List<Reason> eligible;
        List<Reason> ineligible;
        List<Reason> moreInfo;
        List<Reason> conflicts;
        List<Reason> conditionsMet;
        List<RequiredDocument> required;
        List<RequiredDocument> missingDocs;
        List<DocumentCode> notRequired;
        List<Channel> channels;
        List<Channel> altChannels;
        List<RequiredDocument> altDocs;
        List<String> missingFacts;
        List<String> notes;
        List<Recorder.Attributed> uncertainties;
        Map<ConsequenceKey, Object> consequences;
        TimeLimit timeLimit;
        Fee fee;
        LocalDate deadline;
        LocalDate deadlineMissed;
        LocalDate earliest;
        List<String> resolvedByTime;
        String alternative;

        /** The latest of the dates, if waiting resolves every refusal; null if any refusal is not a matter of time. */
        LocalDate earliestWhenOnlyTimeIsMissing() {
            if (earliest == null) {
                return null;
            }
            for (Reason refusal : ineligible) {
                if (!resolvedByTime.contains(refusal.code())) {
                    return null;
                }
            }
            return earliest;
        }

        void take(Recorder.Attributed a) {
            RuleInfo rule = a.rule();
            Object fact = a.fact();
            if (fact instanceof ConditionMet c) {
                conditionsMet = add(conditionsMet, reason(rule, "CONDITION_MET", c.code(), c.message()));
            } else if (fact instanceof Eligible e) {
                eligible = add(eligible, reason(rule, "ELIGIBLE", e.code(), e.message()));
            } else if (fact instanceof Ineligible i) {
                ineligible = add(ineligible, reason(rule, "NOT_ELIGIBLE", i.code(), i.message()));
            } else if (fact instanceof MoreInfoNeeded m) {
                moreInfo = add(moreInfo, reason(rule, "NEEDS_MORE_INFO", m.code(), m.message()));
            } else if (fact instanceof MissingFact m) {
                missingFacts = addUnique(missingFacts, m.path());
                moreInfo = add(moreInfo, reason(rule, "MISSING_FACT", m.path(), m.message()));
            } else if (fact instanceof Conflict c) {
                conflicts = add(conflicts, reason(rule, "CONFLICT", c.code(), c.message()));
            } else if (fact instanceof RequiredDocument d) {
                required = addUnique(required, d);
            } else if (fact instanceof MissingDocument m) {
                missingDocs = addUnique(missingDocs, m.requirement());
            } else if (fact instanceof NotRequired n) {
                notRequired = addUnique(notRequired, n.code());
            } else if (fact instanceof ChannelOffered c) {
                channels = addUnique(channels, c.channel());
            } else if (fact instanceof AlternativeChannel c) {
                altChannels = addUnique(altChannels, c.channel());
            } else if (fact instanceof AlternativeDocument d) {
                altDocs = addUnique(altDocs, new RequiredDocument(d.anyOf()));
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
                resolvedByTime = addUnique(resolvedByTime, d.resolves());
            } else if (fact instanceof Consequence c) {
                if (consequences == null) {
                    consequences = new EnumMap<>(ConsequenceKey.class);
                }
                consequences.put(c.key(), c.value());
            } else if (fact instanceof Uncertainty) {
                uncertainties = add(uncertainties, a);
            } else if (fact instanceof Note n) {
                notes = addUnique(notes, n.text());
            }
        }
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> result = list == null ? new ArrayList<>(4) : list;
        result.add(item);
        return result;
    }

    /** Appends unless already present; the lists are short, so a scan beats hashing. */
    private static <T> List<T> addUnique(List<T> list, T item) {
        return list != null && list.contains(item) ? list : add(list, item);
    }

    private static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /**
     * The applicant's preferred kind of channel (channelRequested) comes first; when the procedure offers none of that
     * kind, a note says so rather than dropping the channels that do exist.
     */
    private static List<Channel> preferredFirst(Concluded c, ChannelPreference preference) {
        if (c.channels == null) {
            return List.of();
        }
        if (preference == null || preference == ChannelPreference.ANY) {
            return Collections.unmodifiableList(c.channels);
        }
        boolean online = preference == ChannelPreference.ONLINE;
        List<Channel> ordered = new ArrayList<>(c.channels.size());
        c.channels.stream().filter(channel -> channel.online() == online).forEach(ordered::add);
        if (ordered.isEmpty()) {
            c.notes = addUnique(c.notes, online ? "此事项没有网上办理渠道，须到下列窗口办理。" : "此事项只能通过下列网上渠道办理。");
        }
        c.channels.stream().filter(channel -> channel.online() != online).forEach(ordered::add);
        return Collections.unmodifiableList(ordered);
    }

    private static Reason reason(RuleInfo rule, String kind, String code, String message) {
        return new Reason(rule.id(), kind, code, message, rule.title(), rule.source());
    }

    /** Every key of the section 7 vocabulary is present; null means "not asserted". */
    private static Map<String, Object> consequenceMap(Map<ConsequenceKey, Object> asserted, boolean refused) {
        if (asserted == null) {
            return NOTHING_ASSERTED;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (ConsequenceKey key : ConsequenceKey.values()) {
            Object value = asserted.get(key);
            boolean completionClaim = value != null && value.equals(CLAIMED_ONLY_WHEN_COMPLETED.get(key));
            result.put(key.jsonName(), refused && completionClaim ? null : value);
        }
        return Collections.unmodifiableMap(result);
    }

    private static final Map<String, Object> NOTHING_ASSERTED = consequenceMap(Map.of(), false);
}
