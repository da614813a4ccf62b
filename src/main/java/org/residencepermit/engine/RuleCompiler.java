package org.residencepermit.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.residencepermit.model.HolidayCalendar;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles a rules directory ({@code rules/<jurisdiction>/*.drl} + {@code jurisdiction.yaml}) into a {@link RuleBase}.
 * Besides Drools' own errors it enforces the house conventions, so a rule set that breaks them never goes live:
 * the DRL package matches its folder, rule names are ASCII and start with a rulebook ID, and every rule cites a
 * {@code @source}.
 */
public final class RuleCompiler {
    public static final String RULES_PACKAGE_PREFIX = "org.residencepermit.rules.";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE_NAME = Pattern.compile("^[A-Z]+(-[A-Z0-9]+)+ [\\x21-\\x7E][\\x20-\\x7E]*$");
    private static final AtomicLong BUILD_COUNTER = new AtomicLong();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final String HOLIDAYS_FILE = "holidays.yaml";

    /** One year of the statutory holiday calendar as written in rules/national/holidays.yaml. */
    record HolidayYear(int year, String source, List<LocalDate> holidays, List<LocalDate> workingWeekendDays) {
    }

    private final ClassLoader classLoader;

    static {
        configureDrools();
    }

    public RuleCompiler(ClassLoader classLoader) {
        // One caching view per compiler: every reload reuses what earlier builds looked up.
        this.classLoader = new CachingClassLoader(classLoader);
    }

    /** Drools options read from system properties when rules are compiled; idempotent. */
    static void configureDrools() {
        // Lets analysts write date-effective "2018-01-01" instead of Drools' default "01-Jan-2018".
        System.setProperty("drools.dateformat", System.getProperty("drools.dateformat", "yyyy-MM-dd"));
        // Facts are immutable records and rules never modify() them, so property reactivity buys nothing.
        System.setProperty("drools.propertySpecific", System.getProperty("drools.propertySpecific", "ALLOWED"));
    }

    public RuleBase compile(Path rulesDirectory) {
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

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.residencepermit", "rules",
                "1.0." + BUILD_COUNTER.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(kmoduleXml(jurisdictions));
        Map<String, String> kfsPathToFile = new LinkedHashMap<>();
        drlFiles.forEach((id, files) -> {
            for (Path file : files) {
                String text = read(file);
                String expectedPackage = RULES_PACKAGE_PREFIX + id;
                Matcher m = PACKAGE.matcher(text);
                if (!m.find() || !m.group(1).equals(expectedPackage)) {
                    errors.add(new CompileError(dir.relativize(file).toString(), 0,
                            "package must be " + expectedPackage + " to match the folder"));
                }
                String resourcePath = expectedPackage.replace('.', '/') + "/" + file.getFileName();
                // Drools reports errors by resource path; map it back to the analyst's file.
                kfsPathToFile.put(resourcePath, dir.relativize(file).toString());
                kfs.write("src/main/resources/" + resourcePath, text);
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }

        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath() == null ? "" : message.getPath();
            errors.add(new CompileError(kfsPathToFile.getOrDefault(path, path), message.getLine(), message.getText()));
        }
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(errors);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        // The container keeps what it needs; dropping the module from the repository stops reloads from leaking.
        ks.getRepository().removeKieModule(releaseId);

        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        for (Jurisdiction j : jurisdictions) {
            kieBases.put(j.id(), container.getKieBase(j.id()));
        }
        List<RuleInfo> rules = catalogue(kieBases.values(), errors);
        HolidayCalendar calendar = readHolidays(dir, errors);
        if (!errors.isEmpty()) {
            throw new RuleCompilationException(errors);
        }
        return new RuleBase(contentHash(dir, drlFiles), dir, jurisdictions, kieBases, rules, calendar);
    }

    private List<Jurisdiction> readJurisdictions(Path dir, List<CompileError> errors) {
        if (!Files.isDirectory(dir)) {
            errors.add(new CompileError(dir.toString(), 0, "rules directory not found"));
            return List.of();
        }
        List<Jurisdiction> result = new ArrayList<>();
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

    /** One KieBase per jurisdiction: the national package alone, or national + the city's package. */
    private static String kmoduleXml(List<Jurisdiction> jurisdictions) {
        StringBuilder xml = new StringBuilder("<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\">\n");
        for (Jurisdiction j : jurisdictions) {
            String packages = j.id().equals(Jurisdiction.NATIONAL) ? j.rulePackage()
                    : RULES_PACKAGE_PREFIX + Jurisdiction.NATIONAL + "," + j.rulePackage();
            // mutability="DISABLED": a compiled rule base is never changed (reload builds a new one), so Drools
            // need not track sessions per KieBase for incremental updates.
            xml.append("  <kbase name=\"").append(j.id()).append("\" packages=\"").append(packages)
                    .append("\" mutability=\"disabled\"/>\n");
        }
        return xml.append("</kmodule>\n").toString();
    }

    private static List<RuleInfo> catalogue(Iterable<KieBase> all, List<CompileError> errors) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (KieBase kieBase : all) {
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    RuleInfo info = RuleInfo.of(rule);
                    if (rules.putIfAbsent(info.key(), info) != null) {
                        continue;
                    }
                    if (!RULE_NAME.matcher(rule.getName()).matches()) {
                        errors.add(new CompileError(pkg.getName(), 0, "rule \"" + rule.getName()
                                + "\": name must be ASCII and start with a rulebook ID, e.g. \"BJ-END-1 window\""));
                    }
                    if (info.source() == null || info.source().isBlank()) {
                        errors.add(new CompileError(pkg.getName(), 0, "rule \"" + rule.getName()
                                + "\" has no @source metadata"));
                    }
                }
            }
        }
        return rules.values().stream()
                .sorted(Comparator.comparing(RuleInfo::jurisdiction).thenComparing(RuleInfo::name)).toList();
    }

    private static String contentHash(Path dir, Map<String, List<Path>> drlFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            drlFiles.forEach((id, drls) -> {
                files.add(dir.resolve(id).resolve("jurisdiction.yaml"));
                files.addAll(drls);
            });
            Path holidays = dir.resolve(Jurisdiction.NATIONAL).resolve(HOLIDAYS_FILE);
            if (Files.exists(holidays)) {
                files.add(holidays);
            }
            for (Path file : files) {
                digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
