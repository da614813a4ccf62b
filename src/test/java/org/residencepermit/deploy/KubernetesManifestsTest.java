package org.residencepermit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests serve exactly the bundled rules: docker/k8s/generate.sh must be run after rule or case
 * files change, and nothing else notices when it was not (the ConfigMap once lagged 50 files behind).
 */
class KubernetesManifestsTest {
    private static final Path RULES = Path.of("rules");
    private static final Path K8S = Path.of("docker/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The Kubernetes limit for one ConfigMap. */
    private static final long CONFIG_MAP_LIMIT = 1024 * 1024;

    /** What generate.sh puts in the ConfigMap: every DRL, YAML and JSON file under rules/, by key. */
    private static Map<String, String> ruleFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(RULES)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                    String path = RULES.relativize(file).toString().replace('\\', '/');
                    files.put(path, Files.readString(file));
                }
            }
        }
        return files;
    }

    private static String stripTrailingNewlines(String text) {
        return text.replaceAll("\n+$", "");
    }

    @Test
    void theConfigMapHoldsEveryRuleFileAsItIsAndFitsTheLimit() throws IOException {
        Path configMap = K8S.resolve("rules-configmap.yaml");
        JsonNode data = YAML.readTree(configMap.toFile()).get("data");
        Map<String, String> expected = new TreeMap<>();
        ruleFiles().forEach((path, text) -> expected.put(path.replace("/", "__"), stripTrailingNewlines(text)));
        Map<String, String> actual = new TreeMap<>();
        data.fields().forEachRemaining(e -> actual.put(e.getKey(), stripTrailingNewlines(e.getValue().asText())));

        assertEquals(expected.keySet(), actual.keySet(), "run docker/k8s/generate.sh: the ConfigMap's files differ");
        List<String> differing = new ArrayList<>();
        expected.forEach((key, text) -> {
            if (!text.equals(actual.get(key))) {
                differing.add(key);
            }
        });
        assertEquals(List.of(), differing, "run docker/k8s/generate.sh: these files changed since");
        assertTrue(Files.size(configMap) < CONFIG_MAP_LIMIT, "the rules no longer fit one ConfigMap");
    }

    @Test
    void theDeploymentMountsEveryRuleFileAtItsPath() throws IOException {
        JsonNode sources = YAML.readTree(K8S.resolve("deployment.yaml").toFile())
                .at("/spec/template/spec/volumes").findValue("projected").get("sources");
        Map<String, String> mounted = new TreeMap<>();
        for (JsonNode source : sources) {
            if (source.at("/configMap/name").asText().equals("residence-permit-rules")) {
                source.at("/configMap/items").forEach(item ->
                        mounted.put(item.get("path").asText(), item.get("key").asText()));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        ruleFiles().keySet().forEach(path -> expected.put(path, path.replace("/", "__")));
        assertEquals(expected, mounted, "run docker/k8s/generate.sh: the Deployment's volume items differ");
    }
}
