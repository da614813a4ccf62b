package org.residencepermit.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.residencepermit.model.City;
import org.residencepermit.model.HolidayCalendar;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;

import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An immutable compiled rule set: one Drools KieBase per jurisdiction (national rules plus the city's own), the
 * jurisdiction declarations, the rule catalogue, and a content hash that identifies it in every response.
 */
public final class RuleBase {
    private final String version;
    private final List<Jurisdiction> jurisdictions;
    /** Every city's jurisdiction, looked up once per decision. */
    private final Map<City, Jurisdiction> byCity;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final HolidayCalendar holidayCalendar;
    /** Per jurisdiction: the KieBase's session pool, built on first use or by {@link #buildKieBases()}. */
    private final Map<String, LazyPool> sessionPools;
    /** The compiled rule objects the listener sees, mapped once so that no key string is built per firing. */
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> rulesByObject;
    /** Per jurisdiction and procedure: the regime facts its rules can match ({@link RuleScope#regimeFacts}). */
    private final Map<String, Map<Procedure, List<Regime>>> regimeFacts;

    private final boolean precompiled;

    RuleBase(String version, List<Jurisdiction> jurisdictions, Map<String, Supplier<KieBase>> kieBases,
             Map<String, Map<Procedure, List<Regime>>> regimeFacts,
             Collection<? extends Collection<KiePackage>> packages, List<RuleInfo> rules,
             HolidayCalendar holidayCalendar, boolean precompiled) {
        this.precompiled = precompiled;
        this.regimeFacts = Map.copyOf(regimeFacts);
        this.holidayCalendar = holidayCalendar;
        this.version = version;
        this.jurisdictions = List.copyOf(jurisdictions);
        Map<City, Jurisdiction> cities = new EnumMap<>(City.class);
        for (City city : City.values()) {
            cities.put(city, this.jurisdictions.stream().filter(j -> j.city() == city).findFirst()
                    .orElseGet(() -> jurisdiction(Jurisdiction.NATIONAL)));
        }
        this.byCity = cities;
        this.rules = List.copyOf(rules);
        this.rulesByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::key, Function.identity()));
        Map<String, LazyPool> pools = new LinkedHashMap<>();
        Object buildLock = new Object();
        kieBases.forEach((id, kieBase) -> pools.put(id, new LazyPool(buildLock, kieBase)));
        this.sessionPools = Map.copyOf(pools);
        // Every KieBase holds the very rule objects of the compiled packages.
        Map<org.kie.api.definition.rule.Rule, RuleInfo> byObject = new IdentityHashMap<>();
        for (Collection<KiePackage> jurisdictionPackages : packages) {
            for (KiePackage pkg : jurisdictionPackages) {
                for (org.kie.api.definition.rule.Rule rule : pkg.getRules()) {
                    RuleInfo info = rulesByName.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
                    byObject.put(rule, info != null ? info : RuleInfo.of(rule));
                }
            }
        }
        this.rulesByObject = byObject;
    }

    /**
     * A KieBase and its session pool, built once, when first needed. Building all seven takes half a second, so the
     * service answers its first request without waiting for the KieBases of the other cities. Builds take one lock
     * shared by the whole rule base: KieBases share the compiled rule objects, and Drools does not promise that two
     * KieBases can be built from the same packages at the same time.
     */
    private static final class LazyPool {
        private final Object buildLock;
        private Supplier<KieBase> build;
        private volatile KieSessionsPool pool;

        LazyPool(Object buildLock, Supplier<KieBase> build) {
            this.buildLock = buildLock;
            this.build = build;
        }

        KieSessionsPool get() {
            KieSessionsPool ready = pool;
            if (ready != null) {
                return ready;
            }
            synchronized (buildLock) {
                if (pool == null) {
                    pool = build.get().newKieSessionsPool(1);
                    build = null;
                }
                return pool;
            }
        }
    }

    /** Builds every KieBase not built yet; a reload calls it before the swap, so no request pays for it. */
    public void buildKieBases() {
        sessionPools.values().forEach(LazyPool::get);
    }

    public String version() {
        return version;
    }

    /** Whether the packages came from {@link PrecompiledRules} rather than from compiling the DRL. */
    public boolean precompiled() {
        return precompiled;
    }

    public List<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    /** The statutory rest days of rules/national/holidays.yaml, inserted into every evaluation (CONV-7). */
    public HolidayCalendar holidayCalendar() {
        return holidayCalendar;
    }

    /** The jurisdiction serving a city; cities without their own rules (OTHER) get the national default. */
    public Jurisdiction jurisdictionFor(City city) {
        return byCity.get(city);
    }

    public Jurisdiction jurisdiction(String id) {
        return jurisdictions.stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no jurisdiction " + id));
    }

    /** A session of the jurisdiction's KieBase from its pool; {@code dispose()} resets it and returns it. */
    KieSession newSession(Jurisdiction jurisdiction, KieSessionConfiguration configuration) {
        return sessionPools.get(jurisdiction.id()).get().newKieSession(configuration);
    }

    /** The regime facts a decision of the procedure in the jurisdiction inserts. */
    List<Regime> regimeFacts(Jurisdiction jurisdiction, Procedure procedure) {
        return regimeFacts.get(jurisdiction.id()).get(procedure);
    }

    RuleInfo rule(org.kie.api.definition.rule.Rule rule) {
        RuleInfo info = rulesByObject.get(rule);
        if (info != null) {
            return info;
        }
        info = rulesByName.get(RuleInfo.key(rule.getPackageName(), rule.getName()));
        return info != null ? info : RuleInfo.of(rule);
    }
}
