package org.residencepermit.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
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
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
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

    /** Per jurisdiction, in declaration order: where its packages came from. */
    private final Map<String, PackageOrigin> packageOrigins;
    /** See {@link LazyPool}. */
    private final StampedLock buildsExcludeDecisions;
    /** Per jurisdiction: its compiled packages, and the hash of the DRL files they were compiled from. */
    private final Map<String, Collection<KiePackage>> packages;
    private final Map<String, String> drlHashes;

    RuleBase(String version, List<Jurisdiction> jurisdictions, Map<String, Supplier<KieBase>> kieBases,
             Map<String, Map<Procedure, List<Regime>>> regimeFacts, Map<String, Collection<KiePackage>> packages,
             Map<String, String> drlHashes, Map<String, PackageOrigin> packageOrigins, List<RuleInfo> rules,
             HolidayCalendar holidayCalendar, StampedLock buildsExcludeDecisions, RuleBase previous) {
        // previous (may be null) is a rule base of the same compiler: its unchanged KieBases are kept.
        this.buildsExcludeDecisions = buildsExcludeDecisions;
        this.packages = Map.copyOf(packages);
        this.drlHashes = Map.copyOf(drlHashes);
        Map<String, PackageOrigin> origins = new LinkedHashMap<>();
        jurisdictions.forEach(j -> origins.put(j.id(), packageOrigins.get(j.id())));
        this.packageOrigins = java.util.Collections.unmodifiableMap(origins);
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
        kieBases.forEach((id, kieBase) -> {
            LazyPool unchanged = previous == null ? null : previous.poolFor(jurisdiction(id), drlHashes);
            pools.put(id, unchanged != null ? unchanged : new LazyPool(buildsExcludeDecisions, kieBase));
        });
        this.sessionPools = Map.copyOf(pools);
        // Every KieBase holds the very rule objects of the compiled packages.
        Map<org.kie.api.definition.rule.Rule, RuleInfo> byObject = new IdentityHashMap<>();
        for (Collection<KiePackage> jurisdictionPackages : packages.values()) {
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
     * service answers its first request without waiting for the KieBases of the other cities.
     * <p>
     * A build takes the write lock of {@link #buildsExcludeDecisions}: KieBases share compiled rule objects (the
     * national packages in every city's KieBase, unchanged packages across reloads), and building one re-links those
     * shared rules to classes of the new KieBase's class loader, loading them explicitly. Drools' PackageClassLoader
     * can deadlock when such a load meets a decision that resolves the same class (seen in ConcurrentReloadTest), so
     * no decision runs during a build, and builds run one at a time.
     * <p>
     * A thread that finds the pool being built waits on this pool alone, not on the write lock: the lock gives a
     * waiting writer no priority over readers, so a request that arrived during the start-up warm-up's build could
     * wait behind the warm-up's decisions that followed it (0.4 s once, in a start-up probe).
     */
    static final class LazyPool {
        private final StampedLock buildsExcludeDecisions;
        private Supplier<KieBase> build;
        private volatile KieSessionsPool pool;

        LazyPool(StampedLock buildsExcludeDecisions, Supplier<KieBase> build) {
            this.buildsExcludeDecisions = buildsExcludeDecisions;
            this.build = build;
        }

        KieSessionsPool get() {
            KieSessionsPool ready = pool;
            if (ready != null) {
                return ready;
            }
            synchronized (this) {
                if (pool == null) {
                    long stamp = buildsExcludeDecisions.writeLock();
                    try {
                        pool = build.get().newKieSessionsPool(1);
                        build = null;
                    } finally {
                        buildsExcludeDecisions.unlockWrite(stamp);
                    }
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

    /** Per jurisdiction, in declaration order: whether its packages were kept, precompiled or compiled. */
    public Map<String, PackageOrigin> packageOrigins() {
        return packageOrigins;
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

    /**
     * The session pool of the jurisdiction's KieBase, built first if need be. Its sessions may be used only under the
     * read lock of {@link #buildsExcludeDecisions()}; {@code dispose()} resets a session and returns it.
     */
    KieSessionsPool sessionPool(Jurisdiction jurisdiction) {
        return sessionPools.get(jurisdiction.id()).get();
    }

    /** Shared by every rule base of one compiler: decisions take its read lock, KieBase builds its write lock. */
    StampedLock buildsExcludeDecisions() {
        return buildsExcludeDecisions;
    }

    /**
     * This rule base's KieBase (and session pool) for the jurisdiction, if it would be built again from the same
     * inputs: the same declaration, the same national and own DRL. A reload then keeps it, warm, instead of building
     * it again.
     */
    private LazyPool poolFor(Jurisdiction jurisdiction, Map<String, String> newDrlHashes) {
        boolean sameInputs = jurisdictions.contains(jurisdiction)
                && Objects.equals(drlHashes.get(Jurisdiction.NATIONAL), newDrlHashes.get(Jurisdiction.NATIONAL))
                && Objects.equals(drlHashes.get(jurisdiction.id()), newDrlHashes.get(jurisdiction.id()));
        return sameInputs ? sessionPools.get(jurisdiction.id()) : null;
    }

    /** Whether both rule bases decide for the jurisdiction on the very same KieBase (a reload kept it). */
    boolean sharesKieBase(RuleBase other, String jurisdiction) {
        return sessionPools.get(jurisdiction) == other.sessionPools.get(jurisdiction);
    }

    /** The jurisdiction's compiled packages if they were compiled from DRL files with this hash, else null. */
    Collection<KiePackage> packagesCompiledFrom(String jurisdiction, String drlHash) {
        return drlHash.equals(drlHashes.get(jurisdiction)) ? packages.get(jurisdiction) : null;
    }

    /** Per jurisdiction: its compiled packages. */
    Map<String, Collection<KiePackage>> packages() {
        return packages;
    }

    /** Per jurisdiction: the hash of the DRL files its packages were compiled from. */
    Map<String, String> drlHashes() {
        return drlHashes;
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
