package org.residencepermit.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application: without arguments it starts the service; with an analyst command
 * ({@code decide}, {@code test}, {@code validate}, {@code help}) it runs that command without starting a server.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (Cli.isCommandLine(args)) {
            quietRuleEngineLogging();
            System.exit(new Cli(System.out, System.err).run(args));
        }
        Quarkus.run(args);
    }

    /**
     * Without Quarkus' logging configuration the JBoss LogManager starts at level ALL, and Drools then formats a TRACE
     * line for every fact it touches; commands use the service's levels instead.
     */
    static void quietRuleEngineLogging() {
        for (String category : new String[]{"org.drools", "org.kie"}) {
            org.jboss.logmanager.LogContext.getLogContext().getLogger(category).setLevel(java.util.logging.Level.WARNING);
        }
    }
}
