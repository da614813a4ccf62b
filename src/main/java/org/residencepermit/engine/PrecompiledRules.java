package org.residencepermit.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compiled rule packages saved to a file, so that the service loads rules without compiling DRL: compiling is most of
 * the start-up time and, in a running service, leaves the DRL compiler's classes and machine code resident (about
 * 100 MB). Two places hold one:
 * <ul>
 *   <li>the class path ({@value #FILE_NAME}, written by the build from the bundled {@code rules/}), for start-up;</li>
 *   <li>the rules directory itself, written by the analysts' {@code validate} command once the rules pass their
 *       cases, for start-up and for reloads.</li>
 * </ul>
 * The file holds each jurisdiction's packages separately, keyed by the hash of the DRL files they were compiled from
 * (see {@link RuleCompiler.Sources#drlHashes()}). A jurisdiction's packages are used only for exactly those DRL files
 * and exactly the classes they were compiled against (a hash of every fact-model, engine and case-runner class, and
 * the Drools version); anything else, including a file that cannot be read, is compiled from the DRL instead.
 * <p>
 * When the analysts' {@code validate} wrote the file, it also records that the rule set's cases passed on exactly
 * these packages ({@link CasesPassed}), so that a reload need not run them again.
 * <p>
 * The file is Java-serialised, i.e. trusted like the DRL next to it (which can call any Java): whoever may write the
 * rules directory already decides what runs.
 */
public final class PrecompiledRules {
    public static final String FILE_NAME = "precompiled-rules.bin";
    private static final String FORMAT = "residence-permit/precompiled-rules/3";
    /**
     * What the file is bound to: the fact model and the engine (helpers called from DRL included) for the compiled
     * rules, and the case runner for the record of a passed case run.
     */
    private static final List<String> RULE_CLASS_FOLDERS =
            List.of("org/residencepermit/model/", "org/residencepermit/engine/", "org/residencepermit/cases/");

    private final URL location;

    private PrecompiledRules(URL location) {
        this.location = location;
    }

    /** The precompiled rules the application was built with, or null when there are none. */
    public static PrecompiledRules onClassPath(ClassLoader classLoader) {
        URL url = classLoader.getResource(FILE_NAME);
        return url == null ? null : new PrecompiledRules(url);
    }

    /** The precompiled rules an analyst's validation left in a rules directory, or null when there are none. */
    public static PrecompiledRules in(Path rulesDirectory) {
        Path file = fileIn(rulesDirectory);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new PrecompiledRules(file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path fileIn(Path rulesDirectory) {
        return rulesDirectory.resolve(FILE_NAME);
    }

    static PrecompiledRules at(URL url) {
        return new PrecompiledRules(url);
    }

    /**
     * The packages of each jurisdiction in {@code wanted} (jurisdiction → DRL hash) that this file holds compiled
     * from exactly those DRL files and against these classes; the others are missing from the result.
     */
    Map<String, Collection<KiePackage>> packages(Map<String, String> wanted, ClassLoader classLoader) {
        Map<String, Collection<KiePackage>> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (DataInputStream in = open()) {
            if (!compiledAgainst(in, classLoader)) {
                return found;
            }
            readCasesPassed(in);
            int sections = in.readInt();
            for (int i = 0; i < sections; i++) {
                String jurisdiction = in.readUTF();
                String drlHash = in.readUTF();
                byte[] serialized = new byte[in.readInt()];
                in.readFully(serialized);
                if (drlHash.equals(wanted.get(jurisdiction))) {
                    found.put(jurisdiction, deserialize(serialized, classLoader));
                }
            }
            return found;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // A stale or damaged file only costs the compile it was meant to save.
            return new HashMap<>();
        }
    }

    /**
     * What the analysts' {@code validate} recorded when it wrote this file: the rule set whose cases passed on these
     * packages. Null when the file holds no such record (the build writes none), was compiled against other classes,
     * or cannot be read.
     */
    public CasesPassed casesPassed(ClassLoader classLoader) {
        try (DataInputStream in = open()) {
            return compiledAgainst(in, classLoader) ? readCasesPassed(in) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The rule set (its {@code RuleBase.version()}) and the case files (their {@code CaseFiles.digest}) of a
     * validation in which all {@code cases} passed.
     */
    public record CasesPassed(String rulesetVersion, String casesDigest, int cases) {
    }

    private DataInputStream open() throws IOException {
        return new DataInputStream(new GZIPInputStream(new BufferedInputStream(location.openStream())));
    }

    /** Reads the header: whether the packages were compiled by this Drools against these very classes. */
    private static boolean compiledAgainst(DataInputStream in, ClassLoader classLoader) throws IOException {
        if (!FORMAT.equals(in.readUTF()) || !droolsVersion().equals(in.readUTF())) {
            return false;
        }
        int classCount = in.readInt();
        for (int i = 0; i < classCount; i++) {
            String name = in.readUTF();
            String digest = in.readUTF();
            if (!digest.equals(digestOf(classLoader, name))) {
                return false;
            }
        }
        return true;
    }

    private static CasesPassed readCasesPassed(DataInputStream in) throws IOException {
        return in.readBoolean() ? new CasesPassed(in.readUTF(), in.readUTF(), in.readInt()) : null;
    }

    private static Collection<KiePackage> deserialize(byte[] serialized, ClassLoader classLoader)
            throws IOException, ClassNotFoundException {
        try (ObjectInput objects = new DroolsObjectInputStream(new ByteArrayInputStream(serialized), classLoader)) {
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            return packages;
        }
    }

    /**
     * Serialises a rule base's packages, to be written by {@link Serialized#writeTo}. Call it before deciding
     * anything on the rule base, i.e. before its packages go into a KieBase: building one re-links their rules to it.
     */
    public static Serialized serialize(RuleBase ruleBase) {
        return serialize(ruleBase.packages(), ruleBase.drlHashes());
    }

    private static Serialized serialize(Map<String, Collection<KiePackage>> packages, Map<String, String> drlHashes) {
        Map<String, byte[]> sections = new TreeMap<>();
        packages.forEach((jurisdiction, list) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(list));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sections.put(jurisdiction, bytes.toByteArray());
        });
        return new Serialized(sections, Map.copyOf(drlHashes));
    }

    /** Compiled packages serialised per jurisdiction, with the DRL hashes they were compiled from. */
    public static final class Serialized {
        private final Map<String, byte[]> sections;
        private final Map<String, String> drlHashes;

        private Serialized(Map<String, byte[]> sections, Map<String, String> drlHashes) {
            this.sections = sections;
            this.drlHashes = drlHashes;
        }

        /**
         * Writes the file, replacing {@code target} atomically: a service reloading meanwhile reads the old file or
         * the new one, never half of one. {@code casesPassed} (may be null) records a validation of these packages.
         */
        public void writeTo(Path target, ClassLoader classLoader, CasesPassed casesPassed) throws IOException {
            Path absolute = target.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            // Not Files.createTempFile: its owner-only permissions would hide the file from a service running as
            // another user of the group.
            Path partial = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid());
            try {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
                     DataOutputStream out = new DataOutputStream(new GZIPOutputStream(file))) {
                    out.writeUTF(FORMAT);
                    out.writeUTF(droolsVersion());
                    Map<String, String> classes = ruleClasses(classLoader);
                    out.writeInt(classes.size());
                    for (Map.Entry<String, String> entry : classes.entrySet()) {
                        out.writeUTF(entry.getKey());
                        out.writeUTF(entry.getValue());
                    }
                    out.writeBoolean(casesPassed != null);
                    if (casesPassed != null) {
                        out.writeUTF(casesPassed.rulesetVersion());
                        out.writeUTF(casesPassed.casesDigest());
                        out.writeInt(casesPassed.cases());
                    }
                    out.writeInt(sections.size());
                    for (Map.Entry<String, byte[]> section : sections.entrySet()) {
                        out.writeUTF(section.getKey());
                        out.writeUTF(drlHashes.get(section.getKey()));
                        out.writeInt(section.getValue().length);
                        out.write(section.getValue());
                    }
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Compiles a rules directory afresh and writes its packages to {@code target}; the DRL must compile. */
    public static void write(Path rulesDirectory, Path target, ClassLoader classLoader) throws IOException {
        RuleCompiler compiler = new RuleCompiler(classLoader);
        RuleCompiler.Sources sources = compiler.readSources(rulesDirectory);
        serialize(compiler.compilePackages(sources), sources.drlHashes()).writeTo(target, classLoader, null);
    }

    private static String droolsVersion() {
        String version = KiePackage.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** The digest of every class file the compiled rules are bound to, by resource name. */
    private static Map<String, String> ruleClasses(ClassLoader classLoader) throws IOException {
        Map<String, String> classes = new LinkedHashMap<>();
        for (String name : ruleClassNames()) {
            classes.put(name, digestOf(classLoader, name));
        }
        return classes;
    }

    private static List<String> ruleClassNames() throws IOException {
        Path codeSource;
        try {
            codeSource = Path.of(PrecompiledRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(codeSource)) {
            try (Stream<Path> files = Files.walk(codeSource)) {
                return files.map(f -> codeSource.relativize(f).toString().replace('\\', '/'))
                        .filter(PrecompiledRules::isRuleClass).sorted().toList();
            }
        }
        try (JarFile jar = new JarFile(codeSource.toFile())) {
            return jar.stream().map(JarEntry::getName).filter(PrecompiledRules::isRuleClass).sorted().toList();
        }
    }

    private static boolean isRuleClass(String resourceName) {
        return resourceName.endsWith(".class") && RULE_CLASS_FOLDERS.stream().anyMatch(resourceName::startsWith);
    }

    /**
     * The digest of each class file, per class loader: a loader's class files do not change while it lives. Start-up
     * checks all of them once and every reload twice (the packages, then the recorded case run); hashing them again
     * each time took 3-8 ms.
     */
    private static final Map<ClassLoader, Map<String, String>> DIGESTS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static String digestOf(ClassLoader classLoader, String resourceName) {
        return DIGESTS.computeIfAbsent(classLoader, loader -> new ConcurrentHashMap<>())
                .computeIfAbsent(resourceName, name -> hashClassFile(classLoader, name));
    }

    private static String hashClassFile(ClassLoader classLoader, String resourceName) {
        try (InputStream in = classLoader.getResourceAsStream(resourceName)) {
            return in == null ? "missing" : new ContentDigest().add(resourceName, in.readAllBytes()).hex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
