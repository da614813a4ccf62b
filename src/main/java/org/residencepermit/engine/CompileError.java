package org.residencepermit.engine;

/** A problem found while compiling a rules directory; {@code line} is 0 when not known. */
public record CompileError(String file, int line, String message) {
}
