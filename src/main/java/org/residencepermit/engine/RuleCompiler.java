package org.residencepermit.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.io.DescrResource;
import org.drools.mvel.MVELKnowledgePackageImpl;
import org.kie.api.KieBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.residencepermit.model.City;
import org.residencepermit.model.HolidayCalendar;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiles a rules directory ({@code rules/<jurisdiction>/*.drl} + {@code jurisdiction.yaml}) into a {@link RuleBase}.
 * Besides Drools' own errors it enforces the house conventions, so a rule set that breaks them never goes live:
 * the DRL package matches its folder, rule names are ASCII and start with a rulebook ID, and every rule cites a
 * {@code @source}.
 * <p>
 * It uses Drools' KnowledgeBuilder directly rather than a KieModule: no module is registered in the KieRepository, so
 * reloads cannot leak modules, and the national packages are compiled once and shared by every city's KieBase.
 */
public final class RuleCompiler {
    public static final String RULES_PACKAGE_PREFIX = "org.residencepermit.rules.";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE_NAME = Pattern.compile("^[A-Z]+(-[A-Z0-9]+)+ [\\x21-\\x7E][\\x20-\\x7E]*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String HOLIDAYS_FILE = "holidays.yaml";

    /** One year of the statutory holiday calendar as written in rules/national/holidays.yaml. */
    record HolidayYear(int year, String source, List<LocalDate> holidays, List<LocalDate> workingWeekendDays) {
    }

    private final ClassLoader classLoader;
    private final boolean mergeRequestPatterns;
    /** Every rule base of this compiler may share rule objects with the others: see RuleBase.LazyPool. */
    private final StampedLock buildsExcludeDecisions = new StampedLock();

    static {
        configureDrools();
    }

    public RuleCompiler(ClassLoader classLoader) {
        this(classLoader, true);
    }

    /** @param mergeRequestPatterns whether to apply {@link MergedRequestPatterns}; off only to test that it changes nothing */
    RuleCompiler(ClassLoader classLoader, boolean mergeRequestPatterns) {
        // One caching view per compiler: every reload reuses what earlier builds looked up.
        this.classLoader = new CachingClassLoader(classLoader);
        this.mergeRequestPatterns = mergeRequestPatterns;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** Drools options read from system properties when rules are compiled; idempotent. */
    static void configureDrools() {
        // Lets analysts write date-effective "2018-01-01" instead of Drools' default "01-Jan-2018".
        System.setProperty("drools.dateformat", System.getProperty("drools.dateformat", "yyyy-MM-dd"));
        // Facts are immutable records and rules never modify() them, so property reactivity buys nothing.
        System.setProperty("drools.propertySpecific", System.getProperty("drools.propertySpecific", "ALLOWED"));
    }

    /** Compiles a rules directory's DRL and builds every KieBase, sharing no compiled rules with other rule bases. */
    public RuleBase compile(Path rulesDirectory) {
        RuleBase ruleBase = compileAfresh(rulesDirectory);
        ruleBase.buildKieBases();
        return ruleBase;
    }

    /**
     * Compiles every jurisdiction of a rules directory from its DRL, taking nothing precompiled or from another rule
     * base; each KieBase is built when first used or by {@link RuleBase#buildKieBases()}.
     */
    public RuleBase compileAfresh(Path rulesDirectory) {
        return load(rulesDirectory, List.of(), null);
    }

    /**
     * Loads a rules directory for start-up: each jurisdiction's packages come from the first of {@code precompiled}
     * that holds them compiled from exactly its DRL files, else from compiling the DRL; each KieBase is built when
     * first used or by {@link RuleBase#buildKieBases()}. The conventions are checked either way.
     */
    public RuleBase load(Path rulesDirectory, List<PrecompiledRules> precompiled) {
        return load(rulesDirectory, precompiled, null);
    }

    /**
     * Loads a rules directory for a reload or a validation. Each jurisdiction's packages come from, in this order:
     * <ol>
     *   <li>{@code previous} (may be null) when its DRL files are unchanged: an analyst's edit to one city's rules
     *       touches that city only;</li>
     *   <li>the directory's {@link PrecompiledRules#in precompiled file}, when the analyst's {@code validate} wrote it
     *       for exactly these DRL files: the service then never loads the DRL compiler;</li>
     *   <li>compiling the DRL.</li>
     * </ol>
     * Packages are compiled per jurisdiction from its own files alone, so all three give the same rules. A
     * jurisdiction whose declaration and DRL (its own and the national) are all unchanged keeps its built KieBase;
     * the others get new ones, built when first used or by {@link RuleBase#buildKieBases()}.
     */
    public RuleBase loadReusing(Path rulesDirectory, RuleBase previous) {
        PrecompiledRules precompiled = PrecompiledRules.in(rulesDirectory);
        return load(rulesDirectory, precompiled == null ? List.of() : List.of(precompiled), previous);
    }

    private RuleBase load(Path rulesDirectory, List<PrecompiledRules> precompiled, RuleBase candidatePrevious) {
        // Rule objects are shared only among rule bases whose KieBase builds exclude each other's decisions.
        RuleBase previous = candidatePrevious != null
                && candidatePrevious.buildsExcludeDecisions() == buildsExcludeDecisions ? candidatePrevious : null;
        Sources sources = readSources(rulesDirectory);
        Map<String, PackageOrigin> origins = new LinkedHashMap<>();
        Map<String, Collection<KiePackage>> packages = gatherPackages(sources, previous, precompiled, origins);
        List<CompileError> errors = new ArrayList<>();
        List<RuleInfo> rules = catalogue(packages.values(), errors);
        HolidayCalendar calendar = readHolidays(sources.directory(), errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        Map<Rule, RuleScope> scopes = new IdentityHashMap<>();
        packages.values().forEach(pkgs -> pkgs.forEach(pkg -> pkg.getRules()
                .forEach(rule -> scopes.put(rule, RuleScope.of((RuleImpl) rule)))));
        Map<String, Supplier<KieBase>> kieBases = new LinkedHashMap<>();
        Map<String, Map<Procedure, List<Regime>>> regimeFacts = new LinkedHashMap<>();
        for (Jurisdiction j : sources.jurisdictions()) {
            List<KiePackage> own = new ArrayList<>(packages.get(Jurisdiction.NATIONAL));
            if (!j.id().equals(Jurisdiction.NATIONAL)) {
                own.addAll(packages.get(j.id()));
            }
            kieBases.put(j.id(), () -> kieBase(j, own, scopes));
            regimeFacts.put(j.id(), RuleScope.regimeFacts(j, own.stream().flatMap(pkg -> pkg.getRules().stream())
                    .map(scopes::get).toList()));
        }
        return new RuleBase(sources.version(), sources.jurisdictions(), kieBases, regimeFacts, packages,
                sources.drlHashes(), origins, rules, calendar, buildsExcludeDecisions, previous);
    }

    /**
     * What a rules directory holds, read and checked before any DRL is compiled. {@code drlHashes} identifies each
     * jurisdiction's DRL files (names and content), {@code version} the whole rule set.
     */
    record Sources(Path directory, List<Jurisdiction> jurisdictions, Map<String, List<Path>> drlFiles,
                   Map<String, String> texts, Map<String, String> drlHashes, String version) {
    }

    Sources readSources(Path rulesDirectory) {
        Path dir = rulesDirectory.toAbsolutePath().normalize();
        List<CompileError> errors = new ArrayList<>();
        List<Jurisdiction> jurisdictions = readJurisdictions(dir, errors);
        Map<String, List<Path>> drlFiles = new LinkedHashMap<>();
        for (Jurisdiction j : jurisdictions) {
            drlFiles.put(j.id(), listFiles(dir.resolve(j.id()), ".drl"));
        }
        if (jurisdictions.stream().noneMatch(j -> j.id().equals(Jurisdiction.NATIONAL))) {
            errors.add(new CompileError(dir + "/national/jurisdiction.yaml", 0, "the national base rules are missing"));
        }
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        Map<String, String> texts = new LinkedHashMap<>();
        drlFiles.forEach((id, files) -> {
            for (Path file : files) {
                String text = read(file);
                String expectedPackage = RULES_PACKAGE_PREFIX + id;
                Matcher m = PACKAGE.matcher(text);
                if (!m.find() || !m.group(1).equals(expectedPackage)) {
                    errors.add(new CompileError(dir.relativize(file).toString(), 0,
                            "package must be " + expectedPackage + " to match the folder"));
                }
                texts.put(dir.relativize(file).toString(), text);
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        Map<String, String> drlHashes = new LinkedHashMap<>();
        drlFiles.forEach((id, files) -> drlHashes.put(id, drlHash(dir, files, texts)));
        return new Sources(dir, jurisdictions, drlFiles, texts, drlHashes, contentHash(dir, drlFiles));
    }

    /** Each jurisdiction's DRL compiled from scratch (see {@link #gatherPackages}). */
    Map<String, Collection<KiePackage>> compilePackages(Sources sources) {
        return gatherPackages(sources, null, List.of(), new LinkedHashMap<>());
    }

    /**
     * Each jurisdiction's packages, kept from {@code previous}, else taken from the first precompiled file holding
     * them, else compiled (in parallel); {@code origins} records which. Every city's KieBase then gets the national
     * packages plus its own, instead of compiling the national rules again for every city.
     */
    private Map<String, Collection<KiePackage>> gatherPackages(Sources sources, RuleBase previous,
                                                               List<PrecompiledRules> precompiled,
                                                               Map<String, PackageOrigin> origins) {
        Map<String, Collection<KiePackage>> packages = new ConcurrentHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>(sources.drlHashes());
        if (previous != null) {
            sources.drlHashes().forEach((id, drlHash) -> {
                Collection<KiePackage> unchanged = previous.packagesCompiledFrom(id, drlHash);
                if (unchanged != null) {
                    packages.put(id, unchanged);
                    origins.put(id, PackageOrigin.KEPT);
                    missing.remove(id);
                }
            });
        }
        for (PrecompiledRules file : precompiled) {
            Map<String, Collection<KiePackage>> found = file.packages(missing, classLoader);
            packages.putAll(found);
            found.keySet().forEach(id -> origins.put(id, PackageOrigin.PRECOMPILED));
            missing.keySet().removeAll(found.keySet());
        }
        List<CompileError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        missing.keySet().parallelStream().forEach(id -> packages.put(id, compilePackages(
                sources.directory(), sources.drlFiles().get(id), sources.texts(), errors)));
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        missing.keySet().forEach(id -> origins.put(id, PackageOrigin.COMPILED));
        return packages;
    }

    private List<Jurisdiction> readJurisdictions(Path dir, List<CompileError> errors) {
        if (!Files.isDirectory(dir)) {
            errors.add(new CompileError(dir.toString(), 0, "rules directory not found"));
            return List.of();
        }
        List<Jurisdiction> result = new ArrayList<>();
        Map<City, String> cityTakenBy = new HashMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path folder : children.filter(Files::isDirectory).sorted().toList()) {
                Path spec = folder.resolve("jurisdiction.yaml");
                if (!Files.exists(spec)) {
                    continue;
                }
                try {
                    Jurisdiction j = YAML.readValue(spec.toFile(), Jurisdiction.class);
                    if (!folder.getFileName().toString().equals(j.id())) {
                        errors.add(new CompileError(dir.relativize(spec).toString(), 0,
                                "id '" + j.id() + "' must equal the folder name"));
                    }
                    String other = cityTakenBy.putIfAbsent(j.city(), j.id());
                    if (other != null) {
                        // A request names its city; two jurisdictions for one city would leave one never consulted.
                        errors.add(new CompileError(dir.relativize(spec).toString(), 0, "city " + j.city()
                                + " is already decided by jurisdiction '" + other + "'"));
                    }
                    result.add(j);
                } catch (IOException e) {
                    errors.add(new CompileError(dir.relativize(spec).toString(), 0, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static HolidayCalendar readHolidays(Path dir, List<CompileError> errors) {
        Path file = dir.resolve(Jurisdiction.NATIONAL).resolve(HOLIDAYS_FILE);
        if (!Files.exists(file)) {
            return HolidayCalendar.WEEKENDS_ONLY;
        }
        String name = dir.relativize(file).toString();
        try {
            HolidayYear[] years = YAML.readValue(file.toFile(), HolidayYear[].class);
            Set<Integer> covered = new HashSet<>();
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> working = new HashSet<>();
            for (HolidayYear y : years) {
                covered.add(y.year());
                for (LocalDate day : y.holidays()) {
                    if (day.getYear() != y.year()) {
                        errors.add(new CompileError(name, 0, day + " is listed under " + y.year()));
                    }
                    holidays.add(day);
                }
                for (LocalDate day : y.workingWeekendDays() == null ? List.<LocalDate>of() : y.workingWeekendDays()) {
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        errors.add(new CompileError(name, 0, day + " is not a weekend day"));
                    }
                    working.add(day);
                }
            }
            return new HolidayCalendar(covered, holidays, working);
        } catch (IOException | RuntimeException e) {
            errors.add(new CompileError(name, 0, e.getMessage()));
            return HolidayCalendar.WEEKENDS_ONLY;
        }
    }

    /** Compiles one jurisdiction's DRL files; errors name the analyst's file and line. */
    private Collection<KiePackage> compilePackages(Path dir, List<Path> files, Map<String, String> texts,
                                                   List<CompileError> errors) {
        // Drools finds its builder implementation with the thread's context class loader. Pool threads, and threads
        // left behind by other frameworks (e.g. Quarkus tests), may carry a loader that sees another copy of Drools,
        // so compile with the loader that loaded Drools' own API.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KnowledgeBuilderFactory.class.getClassLoader());
        try {
            return compileWithBuilder(dir, files, texts, errors);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Collection<KiePackage> compileWithBuilder(Path dir, List<Path> files, Map<String, String> texts,
                                                      List<CompileError> errors) {
        List<CompileError> ownErrors = new ArrayList<>();
        Map<String, PackageDescr> parsed = parse(dir, files, texts, ownErrors);
        if (mergeRequestPatterns && ownErrors.isEmpty()) {
            ownErrors.addAll(MergedRequestPatterns.merge(parsed));
            if (ownErrors.isEmpty()) {
                KnowledgeBuilder merged = build(parsed);
                if (!merged.hasErrors()) {
                    return merged.getKnowledgePackages();
                }
                // A rule the rewrite cannot compile (say, a method of DecisionRequest called on the pattern's own
                // fact) is compiled as written: the analyst then sees Drools' errors for their own DRL, or none at all.
                parsed = parse(dir, files, texts, ownErrors);
            }
        }
        KnowledgeBuilder builder = build(parsed);
        errors.addAll(ownErrors);
        for (KnowledgeBuilderError error : builder.getErrors()) {
            errors.add(compileError(error, ""));
        }
        return builder.hasErrors() || !ownErrors.isEmpty() ? List.of() : builder.getKnowledgePackages();
    }

    /**
     * Parses one package's files, all before compiling any (a rule may extend a rule of another file), and lifts
     * their Regime guards; parse errors and the guards' errors go to {@code errors}.
     */
    private static Map<String, PackageDescr> parse(Path dir, List<Path> files, Map<String, String> texts,
                                                   List<CompileError> errors) {
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        for (Path file : files) {
            String name = dir.relativize(file).toString();
            Resource drl = ResourceFactory.newByteArrayResource(texts.get(name).getBytes(StandardCharsets.UTF_8));
            drl.setSourcePath(name);
            DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            try {
                PackageDescr descr = parser.parse(drl);
                parser.getErrors().forEach(error -> errors.add(compileError(error, name)));
                if (!parser.hasErrors() && descr != null) {
                    parsed.put(name, descr);
                }
            } catch (DroolsParserException | IOException e) {
                errors.add(new CompileError(name, 0, e.getMessage()));
            }
        }
        errors.addAll(LiftedRegimeGuards.lift(parsed));
        return parsed;
    }

    /** Compiles the parsed files in one batch, so that a function or type declared in one file serves the others. */
    private KnowledgeBuilder build(Map<String, PackageDescr> parsed) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        CompositeKnowledgeBuilder batch = builder.batch();
        parsed.forEach((name, descr) -> {
            Resource resource = new DescrResource(descr);
            resource.setSourcePath(name);
            batch.add(resource, ResourceType.DESCR);
        });
        batch.build();
        return builder;
    }

    private static CompileError compileError(KnowledgeBuilderError error, String defaultFile) {
        String file = error.getResource() == null || error.getResource().getSourcePath() == null
                ? defaultFile : error.getResource().getSourcePath();
        int line = error.getLines() == null || error.getLines().length == 0 ? 0 : error.getLines()[0];
        return new CompileError(file, Math.max(line, 0), error.getMessage());
    }

    /**
     * The jurisdiction's KieBase: the national rules plus its own, without the national rules of the topics it
     * overrides ({@link RuleScope}), which could never fire there.
     */
    private KieBase kieBase(Jurisdiction jurisdiction, List<KiePackage> packages, Map<Rule, RuleScope> scopes) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(jurisdiction.id(), kieBaseConfiguration());
        List<KiePackage> subsets = new ArrayList<>();
        for (KiePackage pkg : packages) {
            subsets.add(new RuleSubsetPackage((MVELKnowledgePackageImpl) pkg,
                    rule -> scopes.get(rule).canFire(jurisdiction)));
        }
        kieBase.addPackages(subsets);
        return kieBase;
    }

    /** A compiled rule base is never changed (reload builds a new one), so Drools need not support updates. */
    private KieBaseConfiguration kieBaseConfiguration() {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration(null, classLoader);
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    private static List<RuleInfo> catalogue(Collection<Collection<KiePackage>> all, List<CompileError> errors) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (Collection<KiePackage> packages : all) {
            for (KiePackage pkg : packages) {
                for (Rule rule : pkg.getRules()) {
                    RuleInfo info = RuleInfo.of(rule);
                    if (rules.putIfAbsent(info.key(), info) != null) {
                        continue;
                    }
                    String file = sourceFile((RuleImpl) rule, pkg);
                    if (!RULE_NAME.matcher(rule.getName()).matches()) {
                        errors.add(new CompileError(file, 0, "rule \"" + rule.getName()
                                + "\": name must be ASCII and start with a rulebook ID, e.g. \"BJ-END-1 window\""));
                    }
                    if (info.source() == null || info.source().isBlank()) {
                        errors.add(new CompileError(file, 0, "rule \"" + rule.getName()
                                + "\" has no @source metadata (its legal source)"));
                    }
                    if (info.title() == null || info.title().isBlank()) {
                        errors.add(new CompileError(file, 0, "rule \"" + rule.getName()
                                + "\" has no @title metadata (its Chinese title)"));
                    }
                }
            }
        }
        return rules.values().stream()
                .sorted(Comparator.comparing(RuleInfo::jurisdiction).thenComparing(RuleInfo::name)).toList();
    }

    /** The DRL file a rule was compiled from, relative to the rules directory; its package when unknown. */
    private static String sourceFile(RuleImpl rule, KiePackage pkg) {
        return rule.getResource() != null && rule.getResource().getSourcePath() != null
                ? rule.getResource().getSourcePath() : pkg.getName();
    }

    private static String drlHash(Path dir, List<Path> files, Map<String, String> texts) {
        ContentDigest digest = new ContentDigest();
        for (Path file : files) {
            String name = dir.relativize(file).toString();
            digest.add(name, texts.get(name).getBytes(StandardCharsets.UTF_8));
        }
        return digest.hex();
    }

    private static String contentHash(Path dir, Map<String, List<Path>> drlFiles) {
        List<Path> files = new ArrayList<>();
        drlFiles.forEach((id, drls) -> {
            files.add(dir.resolve(id).resolve("jurisdiction.yaml"));
            files.addAll(drls);
        });
        Path holidays = dir.resolve(Jurisdiction.NATIONAL).resolve(HOLIDAYS_FILE);
        if (Files.exists(holidays)) {
            files.add(holidays);
        }
        return ContentDigest.ofFiles(dir, files).substring(0, 12);
    }

    private static List<Path> listFiles(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
