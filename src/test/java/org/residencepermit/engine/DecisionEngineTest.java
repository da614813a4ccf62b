package org.residencepermit.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.model.AppealDecisionType;
import org.residencepermit.model.AppealRoute;
import org.residencepermit.model.Appeal;
import org.residencepermit.model.City;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Verdict;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-process Java API on the bundled rules. */
class DecisionEngineTest {
    private static DecisionEngine engine;

    @BeforeAll
    static void compile() {
        engine = new DecisionEngine(Path.of("rules"), DecisionEngineTest.class.getClassLoader());
    }

    private static DecisionRequest appeal(String asOf, String known) {
        return new DecisionRequest(LocalDate.parse(asOf), City.OTHER, "WUHAN", null, Procedure.APPEAL, null, null,
                null, null, null, null, null, null, null, null,
                new Appeal(AppealDecisionType.REFUSAL_TO_ISSUE, LocalDate.parse(known), true, null, null,
                        AppealRoute.RECONSIDERATION, null));
    }

    @Test
    void rulesAreJudgedByTheLawInForceOnAsOf() {
        Decision before2024 = engine.decide(appeal("2023-11-20", "2023-11-01"), true);
        Decision after2024 = engine.decide(appeal("2024-03-20", "2024-03-01"), true);
        assertTrue(before2024.ruleIds().contains("NAT-APP-3"));
        assertTrue(before2024.trace().stream().anyMatch(f -> f.rule().equals("NAT-APP-3 forum-choice-before-2024")));
        assertTrue(before2024.trace().stream().noneMatch(f -> f.rule().equals("NAT-APP-3 forum-same-level-government")));
        assertTrue(after2024.trace().stream().anyMatch(f -> f.rule().equals("NAT-APP-3 forum-same-level-government")));
        assertTrue(after2024.trace().stream().noneMatch(f -> f.rule().equals("NAT-APP-3 forum-choice-before-2024")));
    }

    @Test
    void warmingUpTheCompilerLeavesTheRuleBaseInService() {
        RuleBase before = engine.ruleBase();
        engine.warmUpCompiler();
        assertSame(before, engine.ruleBase());
        assertEquals(Verdict.ELIGIBLE, engine.decide(appeal("2024-04-30", "2024-03-01"), false).verdict());
    }

    @Test
    void reconsiderationDeadlineBoundary() {
        Decision lastDay = engine.decide(appeal("2024-04-30", "2024-03-01"), false);
        Decision dayAfter = engine.decide(appeal("2024-05-01", "2024-03-01"), false);
        assertEquals(Verdict.ELIGIBLE, lastDay.verdict());
        assertEquals(LocalDate.parse("2024-04-30"), lastDay.deadline());
        assertEquals(Verdict.NOT_ELIGIBLE, dayAfter.verdict());
        assertEquals(LocalDate.parse("2024-04-30"), dayAfter.deadlineMissed());
        assertEquals("LITIGATION", dayAfter.alternativeProcedure(), "litigation is still open for 6 months");
    }

    @Test
    void aRequestWithoutAsOfIsRejectedNamingTheField() {
        DecisionRequest noDate = new DecisionRequest(null, City.OTHER, "WUHAN", null, Procedure.APPEAL, null, null,
                null, null, null, null, null, null, null, null, null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> engine.decide(noDate, false));
        assertEquals("asOf", e.field());
    }

    /** In process too (the CLI, the case runner, an embedding system), not only over HTTP. */
    @Test
    void aPlaceNameWithAnInvisibleCharacterIsRejectedNamingTheField() {
        for (String name : List.of("WUHAN\u200B", "WU\u0000HAN", "\uFEFFWUHAN", "WUHAN\u00A0", "WUHAN\uD800")) {
            DecisionRequest hidden = new DecisionRequest(LocalDate.parse("2024-04-30"), City.OTHER, name, null,
                    Procedure.APPEAL, null, null, null, null, null, null, null, null, null, null, null);
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> engine.decide(hidden, false),
                    name);
            assertEquals("cityName", e.field());
        }
        // A character beyond U+FFFF is named by its code point, not by the first half of its surrogate pair.
        DecisionRequest privateUse = new DecisionRequest(LocalDate.parse("2024-04-30"), City.OTHER, "WUHAN\uDB80\uDC00",
                null, Procedure.APPEAL, null, null, null, null, null, null, null, null, null, null, null);
        assertTrue(assertThrows(InvalidRequestException.class, () -> engine.decide(privateUse, false)).getMessage()
                .contains("(U+F0000 at position 5)"));
        DecisionRequest spaced = new DecisionRequest(LocalDate.parse("2024-04-30"), City.OTHER, "Wuhan City", null,
                Procedure.APPEAL, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(Verdict.NEEDS_MORE_INFO, engine.decide(spaced, false).verdict());
    }

    @Test
    void everyDecisionCarriesTheVersionOfTheRulesItWasDecidedWith() {
        RuleBase current = engine.ruleBase();
        Decision decision = engine.decide(appeal("2024-04-30", "2024-03-01"), false);
        assertEquals(current.version(), decision.rulesetVersion());
    }

    @Test
    void thePreferredKindOfChannelComesFirstAndItsAbsenceIsNoted() {
        DecisionRequest endorsement = new DecisionRequest(LocalDate.parse("2024-05-25"), City.OTHER, "WUHAN", null,
                Procedure.ENDORSEMENT, org.residencepermit.model.ChannelPreference.ONLINE,
                new org.residencepermit.model.Applicant(null, org.residencepermit.model.Citizenship.MAINLAND,
                        "XINYANG", null, null, null, null, null), null, null, null, null, null,
                new org.residencepermit.model.Permit(true, null, null, LocalDate.parse("2023-06-20"), null, null, null,
                        null, null, null), new org.residencepermit.model.Change(false, null, null, null, null, null),
                null, null);
        Decision decision = engine.decide(endorsement, false);
        assertEquals(Verdict.ELIGIBLE, decision.verdict());
        assertTrue(decision.notes().contains("此事项没有网上办理渠道，须到下列窗口办理。"), decision.notes().toString());
        assertEquals(java.util.List.of(org.residencepermit.model.Channel.OFFLINE_RESIDENCE_POLICE_STATION,
                org.residencepermit.model.Channel.OFFLINE_ENTRUSTED_COMMUNITY_BODY), decision.channels());
    }

    @Test
    void aRefusedRequestShowsWhatHeldAsConditionsMetAndNoFee() throws Exception {
        // Beijing, a lost permit whose function has been suspended for more than 6 months (BJ-LATE-2): the national
        // replacement rule still finds the card reissuable, but the request is refused.
        DecisionRequest request = Json.mapper().readValue("""
                {"asOf": "2024-03-12", "city": "BEIJING", "procedure": "REISSUE_LOST",
                 "applicant": {"birthDate": "1990-01-01", "citizenship": "MAINLAND", "hukouCity": "XIAN"},
                 "permit": {"held": true, "validityStartDate": "2022-01-01", "expiryDate": "2023-01-01", "lost": true},
                 "submission": {"applicantPresent": true}}
                """, DecisionRequest.class);
        Decision decision = engine.decide(request, false);
        assertEquals(Verdict.NOT_ELIGIBLE, decision.verdict());
        assertTrue(decision.reasons().stream().anyMatch(r -> r.code().equals("SUSPENDED_MORE_THAN_6_MONTHS")));
        assertTrue(decision.reasons().stream().anyMatch(r -> r.code().equals("LOST_CARD_REISSUABLE")
                && r.kind().equals("CONDITION_MET")), decision.reasons().toString());
        assertTrue(decision.reasons().stream().noneMatch(r -> r.kind().equals("ELIGIBLE")), decision.reasons().toString());
        assertEquals(null, decision.fee());
    }

    /**
     * A late endorsement (NAT-LATE-1: restores the function, residence years continuous) refused because a close
     * relative may not act for a healthy adult (NAT-PROXY-1): the refusal completes nothing, so it claims no
     * restoration; the suspension as of asOf stays. Rulebook section 7.
     */
    @Test
    void aRefusedLateEndorsementClaimsNoRestoration() throws Exception {
        DecisionRequest request = Json.mapper().readValue("""
                {"asOf": "2024-06-10", "city": "OTHER", "cityName": "WUHAN", "procedure": "ENDORSEMENT",
                 "applicant": {"birthDate": "1990-05-20", "citizenship": "MAINLAND", "hukouCity": "XINYANG",
                               "mobilityImpaired": false, "disabled": false},
                 "permit": {"held": true, "validityStartDate": "2023-05-10", "expiryDate": "2024-05-10"},
                 "change": {"addressChanged": false, "identityInfoChanged": false},
                 "submission": {"applicantPresent": false, "intendsToStay": true,
                                "proxy": {"relation": "CLOSE_RELATIVE", "agentAge": 30}}}
                """, DecisionRequest.class);
        Decision refused = engine.decide(request, false);
        assertEquals(Verdict.NOT_ELIGIBLE, refused.verdict());
        assertEquals(true, refused.consequences().get("functionSuspended"));
        for (String claim : new String[]{"functionRestored", "residenceYearsContinuous", "suspensionPeriodCounted",
                "residenceYearsRecount"}) {
            assertNull(refused.consequences().get(claim), claim + " in " + refused.consequences());
        }
        Decision inPerson = engine.decide(Json.mapper().readValue(Json.mapper().writeValueAsString(request)
                .replace("\"applicantPresent\":false", "\"applicantPresent\":true"), DecisionRequest.class), false);
        assertEquals(Verdict.ELIGIBLE, inPerson.verdict());
        assertEquals(true, inPerson.consequences().get("functionRestored"));
    }

    @Test
    void aDeadlineMissedByDaysInAYearWithoutHolidayCalendarMakesTheVerdictUncertain() {
        // 60 days from 2027-08-02 end on Friday 2027-10-01 (weekends only: 2027 is not in holidays.yaml), which is
        // likely in the National Day rest days.
        Decision fourDaysLate = engine.decide(appeal("2027-10-05", "2027-08-02"), false);
        assertEquals(Verdict.NOT_ELIGIBLE, fourDaysLate.verdict());
        assertTrue(fourDaysLate.uncertainNotes().stream().anyMatch(n -> n.startsWith("CONV-7 [VERDICT]")),
                fourDaysLate.uncertainNotes().toString());
        Decision monthsLate = engine.decide(appeal("2028-03-01", "2027-08-02"), false);
        assertTrue(monthsLate.uncertainNotes().stream().noneMatch(n -> n.startsWith("CONV-7 [VERDICT]")),
                monthsLate.uncertainNotes().toString());
    }

    /**
     * BJ-LATE-3's conflict ("6个月(含)内" allows, "尚不满18个月" excludes) needs 18 completed months on the day 6 months
     * after expiry. After a Feb 29 start that day is at 17 months, and both readings allow. (Such a decision stays
     * uncertain for BJ-END-1's 2017 window, so this checks the note, not the flag.)
     */
    @Test
    void exactlySixMonthsAfterExpiryIsABeijingConflictOnlyAtEighteenMonths() throws Exception {
        TestCase boundary = CaseFiles.load(Path.of("rules"), "beijing").stream()
                .filter(c -> c.name().equals("BJ-LATE-02")).findFirst().orElseThrow();
        Decision eighteenMonths = engine.decide(Json.mapper().treeToValue(boundary.request(), DecisionRequest.class),
                false);
        assertTrue(eighteenMonths.uncertainNotes().stream().anyMatch(n -> n.startsWith("BJ-LATE-3 ")),
                eighteenMonths.uncertainNotes().toString());

        ObjectNode leapStart = boundary.request();
        leapStart.put("asOf", "2025-08-28");
        ((ObjectNode) leapStart.get("permit")).put("issueDate", "2024-02-29").put("validityStartDate", "2024-02-29")
                .putNull("expiryDate");
        Decision seventeenMonths = engine.decide(Json.mapper().treeToValue(leapStart, DecisionRequest.class), false);
        assertEquals(Verdict.ELIGIBLE, seventeenMonths.verdict());
        assertTrue(seventeenMonths.reasons().stream().anyMatch(r -> r.code().equals("LATE_ENDORSEMENT_RESTORES_FUNCTION")));
        assertTrue(seventeenMonths.uncertainNotes().stream().noneMatch(n -> n.startsWith("BJ-LATE-3 ")),
                seventeenMonths.uncertainNotes().toString());
    }

    /** Direct litigation is uncertain anyway (复议前置), so this checks the note of 法释〔2018〕1号 Art. 64. */
    @Test
    void aLawsuitPastSixMonthsWithoutNoticeOfRemediesIsFlaggedUntilTheYearEnds() throws Exception {
        String lawsuit = """
                {"asOf": "%s", "city": "OTHER", "procedure": "APPEAL",
                 "appeal": {"decisionType": "REFUSAL_TO_ISSUE", "decisionKnownDate": "2024-08-01",
                            "rightsNotified": %s, "route": "LITIGATION"}}
                """;
        Decision withinTheYear = engine.decide(Json.mapper().readValue(lawsuit.formatted("2025-03-01", "false"),
                DecisionRequest.class), false);
        assertEquals(Verdict.NOT_ELIGIBLE, withinTheYear.verdict());
        assertEquals(LocalDate.of(2025, 2, 5), withinTheYear.deadlineMissed());
        assertTrue(withinTheYear.uncertainNotes().stream().anyMatch(n -> n.startsWith("NAT-APP-4 ")
                && n.contains("2025-08-01")), withinTheYear.uncertainNotes().toString());
        for (String[] settled : new String[][]{{"2025-03-01", "true"}, {"2025-08-04", "false"}}) {
            Decision decision = engine.decide(Json.mapper().readValue(lawsuit.formatted(settled[0], settled[1]),
                    DecisionRequest.class), false);
            assertTrue(decision.uncertainNotes().stream().noneMatch(n -> n.contains("Art. 64")),
                    String.join(",", settled) + decision.uncertainNotes());
        }
    }

    /** The cases NAT-C88, SH-C45, HZ-C49 and SZ-C25 are uncertain for other reasons too; this checks the proxy's note. */
    @ParameterizedTest
    @CsvSource({"national, NAT-C88", "shanghai, SH-C45", "hangzhou, HZ-C49",
            "shenzhen, SZ-C25"})
    void aProxyForAnAdultUnder60WithReducedMobilityIsAdmittedButUncertain(String jurisdiction, String caseId)
            throws Exception {
        TestCase testCase = CaseFiles.load(Path.of("rules"), jurisdiction).stream().filter(c -> c.name().startsWith(caseId + " "))
                .findFirst().orElseThrow();
        Decision decision = engine.decide(Json.mapper().treeToValue(testCase.request(), DecisionRequest.class), false);
        assertTrue(decision.uncertainNotes().stream().anyMatch(n -> n.contains("[VERDICT]: The applicant is"
                + " mobility-impaired but under 60")), decision.uncertainNotes().toString());
        assertTrue(decision.reasons().stream().noneMatch(r -> r.code().equals("PROXY_NOT_PERMITTED_FOR_APPLICANT")));
    }
}
