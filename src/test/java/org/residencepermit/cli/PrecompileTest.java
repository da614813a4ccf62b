package org.residencepermit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build step writes precompiled rules, and rules that do not compile leave no (stale) file behind. */
class PrecompileTest {
    @TempDir
    Path temp;

    @Test
    void writesThePackagesOfRulesThatCompile() throws Exception {
        Path target = temp.resolve("out/precompiled-rules.bin");
        Precompile.main("rules", target.toString());
        assertTrue(Files.size(target) > 0);
    }

    @Test
    void rulesThatDoNotCompileRemoveTheFileInsteadOfFailingTheBuild() throws Exception {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("rules"));
        Path drl = rules.resolve("national/validation.drl");
        Files.writeString(drl, Files.readString(drl).replace("DecisionRequest(", "NoSuchFact("));
        Path target = temp.resolve("precompiled-rules.bin");
        Files.writeString(target, "stale");
        Precompile.main(rules.toString(), target.toString());
        assertFalse(Files.exists(target));
    }
}
