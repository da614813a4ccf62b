package org.residencepermit.engine;

import java.util.List;

/** The rules directory does not compile; the currently loaded rules stay in service. */
public class RuleCompilationException extends RuntimeException {
    private final transient List<CompileError> errors;

    public RuleCompilationException(List<CompileError> errors) {
        super(errors.size() + " rule compilation error(s); first: " + errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
