package org.residencepermit.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Compiled rule packages saved at build time, so that the service starts without compiling DRL (most of its start-up
 * time). They are used only for exactly the sources they were built from (the ruleset content hash) and with exactly
 * the classes they were built against (a hash of every fact-model and engine class, and the Drools version); anything
 * else, including a file that cannot be read, falls back to compiling the DRL. Reloads always compile.
 */
public final class PrecompiledRules {
    /** The class path resource the build writes ({@code target/classes}) and the service reads. */
    public static final String RESOURCE = "precompiled-rules.bin";
    private static final String FORMAT = "residence-permit/precompiled-rules/1";
    /** What compiled rules are bound to: the fact model and the engine (helpers called from DRL included). */
    private static final List<String> RULE_CLASS_FOLDERS =
            List.of("org/residencepermit/model/", "org/residencepermit/engine/");

    private final URL resource;

    private PrecompiledRules(URL resource) {
        this.resource = resource;
    }

    /** The precompiled rules the application was built with, or null when there are none. */
    public static PrecompiledRules onClassPath(ClassLoader classLoader) {
        URL url = classLoader.getResource(RESOURCE);
        return url == null ? null : new PrecompiledRules(url);
    }

    static PrecompiledRules at(URL url) {
        return new PrecompiledRules(url);
    }

    /** The packages per jurisdiction if they were built from this ruleset version against these classes, else null. */
    Map<String, Collection<KiePackage>> packages(String rulesetVersion, ClassLoader classLoader) {
        try (InputStream in = new BufferedInputStream(resource.openStream());
             ObjectInput objects = new DroolsObjectInputStream(in, classLoader)) {
            if (!FORMAT.equals(objects.readUTF()) || !rulesetVersion.equals(objects.readUTF())
                    || !droolsVersion().equals(objects.readUTF())) {
                return null;
            }
            int classCount = objects.readInt();
            for (int i = 0; i < classCount; i++) {
                String name = objects.readUTF();
                String digest = objects.readUTF();
                if (!digest.equals(digestOf(classLoader, name))) {
                    return null;
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Collection<KiePackage>> packages = (Map<String, Collection<KiePackage>>) objects.readObject();
            return packages;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // A stale or damaged file only costs the compile it was meant to save.
            return null;
        }
    }

    /** Compiles a rules directory and writes its packages to {@code target}; the DRL must compile. */
    public static void write(Path rulesDirectory, Path target, ClassLoader classLoader) throws IOException {
        RuleCompiler compiler = new RuleCompiler(classLoader);
        RuleCompiler.Sources sources = compiler.readSources(rulesDirectory);
        Map<String, Collection<KiePackage>> compiled = compiler.compilePackages(sources);
        Map<String, List<KiePackage>> packages = new LinkedHashMap<>();
        compiled.forEach((id, list) -> packages.put(id, new ArrayList<>(list)));
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target));
             DroolsObjectOutputStream out = new DroolsObjectOutputStream(file)) {
            out.writeUTF(FORMAT);
            out.writeUTF(sources.version());
            out.writeUTF(droolsVersion());
            Map<String, String> classes = ruleClasses(classLoader);
            out.writeInt(classes.size());
            for (Map.Entry<String, String> entry : classes.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            out.writeObject(packages);
        }
    }

    private static String droolsVersion() {
        String version = KiePackage.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** The digest of every class file the compiled rules are bound to, by resource name. */
    private static Map<String, String> ruleClasses(ClassLoader classLoader) throws IOException {
        Map<String, String> classes = new TreeMap<>();
        for (String name : ruleClassNames()) {
            classes.put(name, digestOf(classLoader, name));
        }
        return classes;
    }

    private static List<String> ruleClassNames() throws IOException {
        Path location;
        try {
            location = Path.of(PrecompiledRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .filter(PrecompiledRules::isRuleClass).sorted().toList();
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(JarEntry::getName).filter(PrecompiledRules::isRuleClass).sorted().toList();
        }
    }

    private static boolean isRuleClass(String resourceName) {
        return resourceName.endsWith(".class") && RULE_CLASS_FOLDERS.stream().anyMatch(resourceName::startsWith);
    }

    private static String digestOf(ClassLoader classLoader, String resourceName) {
        try (InputStream in = classLoader.getResourceAsStream(resourceName)) {
            if (in == null) {
                return "missing";
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
