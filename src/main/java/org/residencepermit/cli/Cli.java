package org.residencepermit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.CaseProperties;
import org.residencepermit.cases.CaseResult;
import org.residencepermit.cases.CaseRunner;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cases.TestCase;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.engine.CompileError;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.InvalidRequestException;
import org.residencepermit.engine.Json;
import org.residencepermit.engine.PrecompiledRules;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.engine.RuleCompilationException;
import org.residencepermit.model.DecisionRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Analyst commands that need no Java knowledge:
 * <pre>
 *   decide REQUEST.json [--explain]   decide one request file and print the decision as JSON
 *   test [JURISDICTION] [--case NAME] [--explain]
 *                                      run the case files (of one jurisdiction, or all; only the case NAME) and
 *                                      report failures; --explain lists the rules a failing case fired
 *   validate [RULES_DIR]               compile a rules directory and run all its cases, without serving it; when
 *                                      they pass, write its precompiled-rules.bin for the service to load
 *   check [RULES_DIR]                  try the properties every rule set must have on variants of its cases
 *                                      ({@link CaseProperties}): no unknown fact decides, and so on
 * </pre>
 * The rules directory is {@code --rules DIR} (before or after the command), else -Ddecision.rules.dir, else
 * $DECISION_RULES_DIR, else ./rules.
 * Exit codes: 0 success, 1 failing cases or invalid rules, 2 bad usage or input.
 */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("decide", "test", "validate", "check", "help");
    private static final String RULES_OPTION = "--rules";
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether these program arguments ask for a command rather than the service. */
    public static boolean isCommandLine(String... args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].equals(RULES_OPTION));
    }

    public int run(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        Path rules = rulesDirectory(rest);
        if (rest.isEmpty()) {
            return usage();
        }
        String command = rest.remove(0);
        try {
            return switch (command) {
                case "decide" -> decide(rules, rest);
                case "test" -> test(rules, rest);
                case "validate" -> validate(rest.isEmpty() ? rules : Path.of(rest.get(0)));
                case "check" -> check(rest.isEmpty() ? rules : Path.of(rest.get(0)));
                default -> usage();
            };
        } catch (RuleCompilationException e) {
            err.println("The rules in " + rules + " do not compile:");
            e.errors().forEach(error -> err.println("  " + format(error)));
            return 1;
        }
    }

    private int decide(Path rules, List<String> args) {
        boolean explain = args.remove("--explain");
        if (args.size() != 1) {
            return usage();
        }
        Path file = Path.of(args.get(0));
        DecisionRequest request;
        try {
            request = json.readValue(Files.readString(file), DecisionRequest.class);
        } catch (JsonProcessingException e) {
            err.println(file + ": invalid request: " + e.getOriginalMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            DecisionEngine engine = new DecisionEngine(rules, Cli.class.getClassLoader());
            out.println(json.writeValueAsString(engine.decide(request, explain)));
            return 0;
        } catch (InvalidRequestException e) {
            err.println(file + ": invalid request: " + e.field() + ": " + e.getMessage());
            return 2;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int test(Path rules, List<String> args) {
        boolean explain = args.remove("--explain");
        String caseName = option(args, "--case");
        if (args.size() > 1 || args.contains("--case")) {
            return usage();
        }
        DecisionEngine engine = new DecisionEngine(rules, Cli.class.getClassLoader());
        List<TestCase> cases = CaseFiles.load(rules, args.isEmpty() ? null : args.get(0)).stream()
                .filter(c -> caseName == null || c.name().equals(caseName))
                .toList();
        if (cases.isEmpty()) {
            err.println("no case " + (caseName == null ? "" : "named '" + caseName + "' ") + "in "
                    + (args.isEmpty() ? rules : rules.resolve(args.get(0))));
            return 1;
        }
        CaseRunner runner = new CaseRunner();
        int failed = 0;
        for (TestCase c : cases) {
            CaseResult result = runner.run(engine, engine.ruleBase(), c, explain);
            if (result.passed()) {
                out.println("PASS  " + c.name());
                continue;
            }
            failed++;
            out.println("FAIL  " + result.report());
            if (explain && result.decision() != null) {
                out.println("  rules fired:");
                result.decision().trace().forEach(firing -> out.println("    " + firing.order() + ". " + firing.rule()
                        + " (" + firing.title() + ") -> " + String.join(", ", firing.concluded())));
            }
        }
        out.println((cases.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /**
     * Compiles the candidate afresh and runs its cases; when they pass, leaves the compiled packages in the candidate
     * directory, so that the service loads them on its next reload or start instead of compiling the DRL itself.
     */
    private int validate(Path candidate) {
        DecisionEngine engine;
        try {
            engine = DecisionEngine.compiledAfresh(candidate, Cli.class.getClassLoader());
        } catch (RuleCompilationException e) {
            e.errors().forEach(error -> out.println("ERROR " + format(error)));
            out.println("INVALID " + candidate);
            return 1;
        }
        RuleBase compiled = engine.ruleBase();
        PrecompiledRules.Serialized precompiled = PrecompiledRules.serialize(compiled);
        ValidationReport report = new RuleSetValidator(engine).check(compiled, candidate).report();
        report.compileErrors().forEach(error -> out.println("ERROR " + format(error)));
        report.failedCases().forEach(f -> out.println("FAIL  case '" + f.name() + "' (" + f.file() + "):\n  - "
                + String.join("\n  - ", f.mismatches())));
        if (!report.valid()) {
            out.println("INVALID " + candidate);
            return 1;
        }
        out.println("VALID ruleset " + report.rulesetVersion() + ", " + report.casesRun() + " cases passed");
        Path file = PrecompiledRules.fileIn(candidate);
        try {
            precompiled.writeTo(file, Cli.class.getClassLoader(), new PrecompiledRules.CasesPassed(
                    report.rulesetVersion(), CaseFiles.digest(candidate), report.casesRun()));
            out.println("Wrote " + file + ": the service loads these compiled rules, and trusts these passed cases, on"
                    + " reload instead of compiling and running them again");
        } catch (IOException e) {
            err.println("WARNING: could not write " + file + " (" + e + "); the service will compile the DRL itself");
        }
        return 0;
    }

    /** Tries {@link CaseProperties} on every case of the directory; 1 when any property is broken. */
    private int check(Path rules) {
        CaseProperties properties = new CaseProperties(new DecisionEngine(rules, Cli.class.getClassLoader()),
                CaseFiles.load(rules, null));
        int broken = 0;
        for (CaseProperties.Check check : properties.all()) {
            broken += check.violations().size();
            out.println((check.violations().isEmpty() ? "OK    " : "BROKEN") + " " + check.property() + " ("
                    + check.tried() + " requests tried, " + check.violations().size() + " break it)");
            check.violations().forEach(violation -> out.println("  - " + violation));
        }
        return broken == 0 ? 0 : 1;
    }

    private int usage() {
        err.println("""
                usage: java -jar quarkus-run.jar COMMAND [--rules DIR] ...
                  decide REQUEST.json [--explain]   decide one request and print the decision
                  test [JURISDICTION] [--case NAME] [--explain]
                                                     run the case files (only the case NAME) and report each
                                                     case; --explain lists the rules a failing case fired
                  validate [RULES_DIR]               compile and test a rules directory without serving it,
                                                     then write its precompiled-rules.bin for reloads
                  check [RULES_DIR]                  try what every rule set must do on variants of its cases
                                                     (an unknown fact never decides, ...)
                  (no command)                       start the HTTP service""");
        return 2;
    }

    private static Path rulesDirectory(List<String> args) {
        String dir = option(args, RULES_OPTION);
        if (dir != null) {
            return Path.of(dir);
        }
        String configured = System.getProperty("decision.rules.dir", System.getenv("DECISION_RULES_DIR"));
        return Path.of(configured == null ? "rules" : configured);
    }

    /** Removes {@code name VALUE} from the arguments and returns the value; null when absent or without a value. */
    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        String value = args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static String format(CompileError error) {
        return error.file() + (error.line() > 0 ? ":" + error.line() : "") + ": " + error.message();
    }
}
