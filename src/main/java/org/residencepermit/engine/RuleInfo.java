package org.residencepermit.engine;

/** A compiled rule as analysts see it: rulebook ID, full name, jurisdiction, Chinese title and legal source. */
public record RuleInfo(String id, String name, String jurisdiction, String title, String source) {

    String key() {
        return key(RuleCompiler.RULES_PACKAGE_PREFIX + jurisdiction, name);
    }

    static String key(String rulePackage, String ruleName) {
        return rulePackage + ':' + ruleName;
    }

    static RuleInfo of(org.kie.api.definition.rule.Rule rule) {
        String name = rule.getName();
        int space = name.indexOf(' ');
        String pkg = rule.getPackageName();
        return new RuleInfo(space < 0 ? name : name.substring(0, space), name,
                pkg.substring(pkg.lastIndexOf('.') + 1),
                metadata(rule, "title"), metadata(rule, "source"));
    }

    private static String metadata(org.kie.api.definition.rule.Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
