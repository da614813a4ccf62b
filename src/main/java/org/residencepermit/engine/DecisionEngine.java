package org.residencepermit.engine;

import org.kie.api.KieServices;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.time.SessionPseudoClock;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Derived;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import org.residencepermit.model.RequestAndDerived;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The in-process API: evaluates decision requests against the current rule base and swaps rule bases atomically.
 * A request is decided entirely on the rule base it started with, so a reload never shows a half-loaded rule set.
 */
public final class DecisionEngine {
    /** Guards against rules that keep re-triggering each other. */
    static final int MAX_FIRINGS = 10_000;

    static {
        RuleCompiler.configureDrools();
    }

    private static final LocalDate WARM_UP_DAY = LocalDate.of(2025, 1, 2);

    private final RuleCompiler compiler;
    private final Path rulesDirectory;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();
    private final KieSessionConfiguration sessionConfiguration;

    public DecisionEngine(Path rulesDirectory, ClassLoader classLoader) {
        this(rulesDirectory, classLoader, false);
    }

    /**
     * An engine on a rules directory compiled entirely from its DRL, whose rule base has decided nothing yet: what
     * {@link PrecompiledRules#serialize} needs to write a precompiled file.
     */
    public static DecisionEngine compiledAfresh(Path rulesDirectory, ClassLoader classLoader) {
        return new DecisionEngine(rulesDirectory, classLoader, true);
    }

    private DecisionEngine(Path rulesDirectory, ClassLoader classLoader, boolean compileAfresh) {
        this.compiler = new RuleCompiler(classLoader);
        this.rulesDirectory = rulesDirectory;
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        // Rules carry date-effective/date-expires; the pseudo clock is set to asOf, so they are judged by the rules
        // in force on the decision date, not on the server's clock.
        sessionConfiguration.setOption(ClockTypeOption.PSEUDO);
        // A session is used by one thread at a time (taken from the pool, used, reset): no locking needed inside.
        sessionConfiguration.setOption(ThreadSafeOption.NO);
        // Start-up takes precompiled packages where they match the DRL: an analyst's validation may have left them in
        // the rules directory, the build left them on the class path. It serves as soon as they are loaded: the first
        // request for a jurisdiction builds its KieBase unless warmUp() has.
        current.set(compileAfresh ? compiler.compileAfresh(rulesDirectory)
                : compiler.load(rulesDirectory, Stream.of(PrecompiledRules.in(rulesDirectory),
                        PrecompiledRules.onClassPath(classLoader)).filter(Objects::nonNull).toList()));
    }

    /**
     * Prepares the current rule base for traffic; the service calls it in the background after start-up. It builds
     * each jurisdiction's KieBase and decides one empty request per procedure on it, so that the first real requests
     * find a pooled session and Drools' constraints (compiled on first evaluation) ready.
     * <p>
     * It does not warm the DRL compiler: a reload that has to compile DRL after a start from precompiled packages
     * compiles cold (seconds instead of half a second), but a service that never compiles keeps the compiler's
     * ~100 MB of classes and machine code out of its memory.
     */
    public void warmUp() {
        warmUp(current.get());
    }

    /** Warms up a rule base as {@link #warmUp()} does the current one, e.g. before it is swapped in. */
    public void warmUp(RuleBase ruleBase) {
        for (Jurisdiction jurisdiction : ruleBase.jurisdictions()) {
            for (Procedure procedure : Procedure.values()) {
                decide(ruleBase, new DecisionRequest(WARM_UP_DAY, jurisdiction.city(), null, null, procedure,
                        null, null, null, null, null, null, null, null, null, null, null), false);
            }
        }
    }

    /**
     * Compiles the rules directory's DRL once and throws the result away, so that the first reload that compiles
     * finds the DRL compiler loaded and compiled to machine code (about 1 s instead of 2-3 s after a start from
     * precompiled packages). The compiler's classes and code then stay resident: about 60-100 MB more. The service
     * does this only when {@code decision.rules.warm-compiler} is set.
     */
    public void warmUpCompiler() {
        compiler.compileAfresh(rulesDirectory);
    }

    /** The class loader rules are compiled and loaded with (it sees the fact model). */
    public ClassLoader classLoader() {
        return compiler.classLoader();
    }

    public RuleBase ruleBase() {
        return current.get();
    }

    public Path rulesDirectory() {
        return rulesDirectory;
    }

    /**
     * Loads a directory without putting it in service. Jurisdictions whose DRL files are those of the rule base in
     * service keep its compiled packages, the others come from the directory's precompiled file or are compiled
     * ({@link RuleCompiler#loadReusing}). Each KieBase is built when first used (e.g. by the first case checked on
     * it) or at the latest by {@link #swap}.
     */
    public RuleBase compile(Path directory) {
        return compiler.loadReusing(directory, current.get());
    }


    /** Puts an already compiled and checked rule base in service, with every KieBase built: no request waits. */
    public void swap(RuleBase ruleBase) {
        ruleBase.buildKieBases();
        current.set(ruleBase);
    }

    public Decision decide(DecisionRequest request, boolean explain) {
        return decide(current.get(), request, explain);
    }

    public Decision decide(RuleBase ruleBase, DecisionRequest request, boolean explain) {
        DecisionRequest facts = RequestValidator.validate(request);
        Jurisdiction jurisdiction = ruleBase.jurisdictionFor(facts.city());
        return evaluate(ruleBase, facts, jurisdiction, ruleBase.regimeFacts(jurisdiction, facts.procedure()), explain);
    }

    /** Runs validated facts through the jurisdiction's KieBase with these regime facts. */
    Decision evaluate(RuleBase ruleBase, DecisionRequest facts, Jurisdiction jurisdiction, List<Regime> regimeFacts,
                      boolean explain) {
        Recorder recorder = new Recorder(ruleBase, jurisdiction, explain);
        KieSessionsPool pool = ruleBase.sessionPool(jurisdiction);
        long stamp = ruleBase.buildsExcludeDecisions().readLock();
        try {
            KieSession session = pool.newKieSession(sessionConfiguration);
            try {
                SessionPseudoClock clock = session.getSessionClock();
                long now = facts.asOf().atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
                // A pooled session keeps its clock across uses: move it to asOf from wherever it stands.
                clock.advanceTime(now - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
                session.addEventListener((AgendaEventListener) recorder);
                session.addEventListener((RuleRuntimeEventListener) recorder);
                Derived derived = Derivations.of(facts);
                session.insert(facts);
                session.insert(derived);
                // What rules match instead of the two when the compiler merged their patterns (MergedRequestPatterns).
                session.insert(new RequestAndDerived(facts, derived));
                session.insert(ruleBase.holidayCalendar());
                for (Regime regime : regimeFacts) {
                    session.insert(regime);
                }
                int fired = session.fireAllRules(MAX_FIRINGS);
                if (fired >= MAX_FIRINGS) {
                    throw new IllegalStateException("rules fired " + fired + " times: a rule loop in "
                            + jurisdiction.id());
                }
            } finally {
                session.removeEventListener((AgendaEventListener) recorder);
                session.removeEventListener((RuleRuntimeEventListener) recorder);
                session.dispose();
            }
        } finally {
            ruleBase.buildsExcludeDecisions().unlockRead(stamp);
        }
        return DecisionAssembler.assemble(facts, jurisdiction, ruleBase, recorder.fired(), recorder.outcomes(),
                explain ? recorder.firings() : null);
    }
}
