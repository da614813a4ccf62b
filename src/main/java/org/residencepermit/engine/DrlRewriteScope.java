package org.residencepermit.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a rewrite of one jurisdiction's parsed DRL (one package, compiled together) must leave alone: rules that extend
 * or are extended by another rule, in any of the files (a child rule copies its parent's conditions), and files where
 * a name the rewrite relies on is not the fact model's type, so that an unresolvable or foreign type still reaches
 * Drools and its error. {@link #rewrite} walks the rules for {@link LiftedRegimeGuards} and
 * {@link MergedRequestPatterns}, and refuses a rule that sets the metadata key a rewrite writes.
 */
final class DrlRewriteScope {
    private final Map<String, PackageDescr> filesByName;
    private final Set<String> related = new HashSet<>();
    private final Set<String> declaredTypes = new HashSet<>();

    DrlRewriteScope(Map<String, PackageDescr> filesByName) {
        this.filesByName = filesByName;
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

    /**
     * Rewrites every rule that may be rewritten, in the files where {@code modelTypes} are the fact model's, and returns
     * the errors: a rule that already carries {@code metadataKey} (the compiler writes it), or what {@code refusal}
     * says of a rule (null when it has nothing to say). A refused rule is not rewritten.
     */
    List<CompileError> rewrite(String metadataKey, List<Class<?>> modelTypes, Function<RuleDescr, String> refusal,
                               Consumer<RuleDescr> rewrite) {
        List<CompileError> errors = new ArrayList<>();
        filesByName.forEach((file, pkg) -> {
            boolean ourTypes = usesModelTypes(pkg, modelTypes);
            for (RuleDescr rule : pkg.getRules()) {
                String refused = rule.getAnnotation(metadataKey) != null
                        ? "@" + metadataKey + " is reserved (the compiler writes it)" : refusal.apply(rule);
                if (refused != null) {
                    errors.add(new CompileError(file, Math.max(rule.getLine(), 0),
                            "rule \"" + rule.getName() + "\": " + refused));
                } else if (ourTypes && mayRewrite(rule)) {
                    rewrite.accept(rule);
                }
            }
        });
        return errors;
    }

    /** Whether the rule may be rewritten: not a query, and neither extending nor extended. */
    private boolean mayRewrite(RuleDescr rule) {
        return !related.contains(rule.getName()) && !rule.isQuery();
    }

    /**
     * Whether each type's simple name means the fact model's class in this file: imported by name or by the model's
     * wildcard, no other class of that name imported, and no type of that name declared in the package.
     */
    private boolean usesModelTypes(PackageDescr pkg, List<Class<?>> types) {
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
