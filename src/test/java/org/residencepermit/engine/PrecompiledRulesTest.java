package org.residencepermit.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.testing.RulesFixtures;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Precompiled packages decide exactly as freshly compiled DRL, and are used per jurisdiction only for the DRL files
 * they were compiled from.
 */
class PrecompiledRulesTest {
    private static final Path RULES = Path.of("rules");
    private static final ClassLoader LOADER = PrecompiledRulesTest.class.getClassLoader();

    @TempDir
    static Path temp;
    private static Path file;
    private static RuleCompiler compiler;

    @BeforeAll
    static void writePrecompiled() throws Exception {
        RulesFixtures.quietDroolsLogging();
        file = temp.resolve("precompiled-rules.bin");
        PrecompiledRules.write(RULES, file, LOADER);
        compiler = new RuleCompiler(LOADER);
    }

    private static PrecompiledRules precompiled() throws Exception {
        return PrecompiledRules.at(file.toUri().toURL());
    }

    @Test
    void everyCaseIsDecidedIdenticallyFromPrecompiledPackagesAndFromDrl() throws Exception {
        RuleBase fromDrl = compiler.load(RULES, List.of());
        RuleBase fromFile = compiler.load(RULES, List.of(precompiled()));
        assertEquals(Set.of(PackageOrigin.COMPILED), Set.copyOf(fromDrl.packageOrigins().values()));
        assertEquals(Set.of(PackageOrigin.PRECOMPILED), Set.copyOf(fromFile.packageOrigins().values()));
        assertEquals(fromDrl.version(), fromFile.version());
        assertEquals(fromDrl.rules(), fromFile.rules());

        RulesFixtures.assertEveryCaseDecidedAlike(new DecisionEngine(RULES, LOADER), fromDrl, "from DRL", fromFile,
                "precompiled");
    }

    @Test
    void onlyTheJurisdictionWhoseDrlChangedIsCompiled() throws Exception {
        Path copy = RulesFixtures.copyOfRules(temp.resolve("changed"));
        Path drl = copy.resolve("shanghai/endorsement.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// an analyst's edit\n");
        RuleBase ruleBase = compiler.load(copy, List.of(precompiled()));
        ruleBase.packageOrigins().forEach((jurisdiction, origin) -> assertEquals(
                jurisdiction.equals("shanghai") ? PackageOrigin.COMPILED : PackageOrigin.PRECOMPILED, origin,
                jurisdiction));
        assertEquals(compiler.compile(copy).version(), ruleBase.version());
    }

    @Test
    void packagesCompiledAgainstOtherModelClassesAreNotUsed() throws Exception {
        // The same class path, except that the model's Decision class has other bytes (another build of the service).
        ClassLoader otherBuild = new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals("org/residencepermit/model/Decision.class")
                        ? new ByteArrayInputStream(new byte[]{(byte) 0xCA, (byte) 0xFE})
                        : super.getResourceAsStream(name);
            }
        };
        RuleBase ruleBase = new RuleCompiler(otherBuild).load(RULES, List.of(precompiled()));
        assertEquals(Set.of(PackageOrigin.COMPILED), Set.copyOf(ruleBase.packageOrigins().values()));
        assertEquals(Set.of(PackageOrigin.PRECOMPILED),
                Set.copyOf(compiler.load(RULES, List.of(precompiled())).packageOrigins().values()));
    }

    @Test
    void aDamagedFileFallsBackToCompilingTheDrl() throws Exception {
        Path damaged = temp.resolve("damaged.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RuleBase ruleBase = compiler.load(RULES, List.of(PrecompiledRules.at(damaged.toUri().toURL())));
        assertEquals(Set.of(PackageOrigin.COMPILED), Set.copyOf(ruleBase.packageOrigins().values()));
        assertEquals(compiler.compile(RULES).rules().size(), ruleBase.rules().size());
    }

    @Test
    void aReloadTakesTheChangedJurisdictionFromTheDirectorysFileAndKeepsTheRest() throws Exception {
        Path copy = RulesFixtures.copyOfRules(temp.resolve("reload"));
        DecisionEngine engine = new DecisionEngine(copy, LOADER);
        Path drl = copy.resolve("beijing/endorsement.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// an analyst's edit\n");
        PrecompiledRules.write(copy, PrecompiledRules.fileIn(copy), LOADER);

        RuleBase reloaded = engine.compile(copy);
        reloaded.packageOrigins().forEach((jurisdiction, origin) -> assertEquals(
                jurisdiction.equals("beijing") ? PackageOrigin.PRECOMPILED : PackageOrigin.KEPT, origin,
                jurisdiction));
    }
}
