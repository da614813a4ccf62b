package org.residencepermit.cli;

import org.residencepermit.engine.PrecompiledRules;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step (Maven {@code process-classes}): compiles {@code rules/} and writes the packages to
 * {@code target/classes/precompiled-rules.bin}, so that the packaged service starts without compiling DRL.
 * Usage: {@code Precompile <rules directory> <target file>}.
 */
public final class Precompile {
    private Precompile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Precompile <rules directory> <target file>");
            System.exit(2);
        }
        Main.quietRuleEngineLogging();
        long start = System.nanoTime();
        PrecompiledRules.write(Path.of(args[0]), Path.of(args[1]), Precompile.class.getClassLoader());
        System.out.printf("[precompile] %s -> %s in %d ms%n", args[0], args[1], (System.nanoTime() - start) / 1_000_000);
    }
}
