package org.residencepermit.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.mvel.MVELKnowledgePackageImpl;
import org.kie.api.definition.rule.Rule;

import java.util.function.Predicate;

/**
 * A compiled package restricted to some of its rules, so that one compilation can feed several KieBases that each
 * hold a part of it. Imports, globals, declarations, field accessors and generated classes are
 * the original's.
 * <p>
 * A fresh package object per KieBase also keeps Drools from deep-cloning (serialising) a package it has already
 * added to another KieBase.
 */
final class RuleSubsetPackage extends MVELKnowledgePackageImpl {

    RuleSubsetPackage(MVELKnowledgePackageImpl original, Predicate<RuleImpl> keep) {
        super(original.getName());
        this.classFieldAccessorStore = original.getClassFieldAccessorStore();
        this.dialectRuntimeRegistry = original.getDialectRuntimeRegistry();
        this.resourceTypePackages = original.getResourceTypePackages();
        original.getImports().values().forEach(this::addImport);
        original.getStaticImports().forEach(this::addStaticImport);
        original.getGlobals().forEach(this::addGlobal);
        original.getFunctions().values().forEach(this::addFunction);
        original.getAccumulateFunctions().forEach(this::addAccumulateFunction);
        original.getTypeDeclarations().values().forEach(this::addTypeDeclaration);
        original.getEntryPointIds().forEach(this::addEntryPointId);
        original.getWindowDeclarations().values().forEach(this::addWindowDeclaration);
        for (Rule rule : original.getRules()) {
            if (keep.test((RuleImpl) rule)) {
                addRule((RuleImpl) rule);
            }
        }
        if (original.getTypeResolver() != null) {
            setClassLoader(original.getTypeResolver().getClassLoader());
        }
    }
}
