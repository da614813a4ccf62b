package org.residencepermit.cli;

import org.residencepermit.engine.PrecompiledRules;
import org.residencepermit.engine.RuleCompilationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (Maven {@code process-classes}): compiles {@code rules/} and writes the packages to
 * {@code target/classes/precompiled-rules.bin}, so that the packaged service starts without compiling DRL.
 * Usage: {@code Precompile <rules directory> <target file>}.
 */
public final class Precompile {
    private Precompile() {
    }

    public static void main(String... args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Precompile <rules directory> <target file>");
            System.exit(2);
        }
        Main.quietRuleEngineLogging();
        Path target = Path.of(args[1]);
        long start = System.nanoTime();
        try {
            PrecompiledRules.write(Path.of(args[0]), target, Precompile.class.getClassLoader());
        } catch (RuleCompilationException e) {
            // Rules that do not compile must not stop the build: the case tests report the errors the usual way,
            // and the packaged service, finding no precompiled rules, reports them at start-up.
            Files.deleteIfExists(target);
            System.out.println("[precompile] WARNING: rules not precompiled, they do not compile:");
            e.errors().forEach(error -> System.out.printf("[precompile]   %s:%d: %s%n",
                    error.file(), error.line(), error.message()));
            return;
        }
        System.out.printf("[precompile] %s -> %s in %d ms%n", args[0], target, (System.nanoTime() - start) / 1_000_000);
    }
}
