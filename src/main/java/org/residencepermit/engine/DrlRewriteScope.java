package org.residencepermit.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a rewrite of one jurisdiction's parsed DRL (one package, compiled together) must leave alone: rules that extend
 * or are extended by another rule, in any of the files (a child rule copies its parent's conditions), and files where
 * a name the rewrite relies on is not the fact model's type, so that an unresolvable or foreign type still reaches
 * Drools and its error. Shared by {@link LiftedRegimeGuards} and {@link MergedRequestPatterns}.
 */
final class DrlRewriteScope {
    private final Set<String> related = new HashSet<>();
    private final Set<String> declaredTypes = new HashSet<>();

    DrlRewriteScope(Map<String, PackageDescr> filesByName) {
        for (PackageDescr pkg : filesByName.values()) {
            pkg.getTypeDeclarations().forEach(type -> declaredTypes.add(type.getTypeName()));
            pkg.getEnumDeclarations().forEach(type -> declaredTypes.add(type.getTypeName()));
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.getParentName() != null) {
                    related.add(rule.getName());
                    related.add(rule.getParentName());
                }
            }
        }
    }

    /** Whether the rule may be rewritten: not a query, and neither extending nor extended. */
    boolean mayRewrite(RuleDescr rule) {
        return !related.contains(rule.getName()) && !rule.isQuery();
    }

    /**
     * Whether each type's simple name means the fact model's class in this file: imported by name or by the model's
     * wildcard, no other class of that name imported, and no type of that name declared in the package.
     */
    boolean usesModelTypes(PackageDescr pkg, Class<?>... types) {
        for (Class<?> type : types) {
            if (declaredTypes.contains(type.getSimpleName()) || !imports(pkg, type)) {
                return false;
            }
        }
        return true;
    }

    private static boolean imports(PackageDescr pkg, Class<?> type) {
        boolean imported = false;
        for (var importDescr : pkg.getImports()) {
            String target = importDescr.getTarget().trim();
            if (target.equals(type.getName()) || target.equals(type.getPackageName() + ".*")) {
                imported = true;
            } else if (target.endsWith("." + type.getSimpleName())) {
                return false;
            }
        }
        return imported;
    }
}
