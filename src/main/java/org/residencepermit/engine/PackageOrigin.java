package org.residencepermit.engine;

/** Where a loaded jurisdiction's compiled packages came from. */
public enum PackageOrigin {
    /** Kept from the rule base in service: its DRL files are unchanged. */
    KEPT,
    /** Read from a {@link PrecompiledRules} file written for exactly its DRL files. */
    PRECOMPILED,
    /** Compiled from its DRL files by this process. */
    COMPILED
}
