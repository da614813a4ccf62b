package org.residencepermit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests serve exactly the bundled rules: docker/k8s/generate.sh must be run after rule or case
 * files change, and nothing else notices when it was not (the ConfigMap once lagged 50 files behind). Each folder has
 * its own ConfigMap, because one ConfigMap holds at most 1 MiB and all the rules together came within 90 KB of that.
 */
class KubernetesManifestsTest {
    private static final Path RULES = Path.of("rules");
    private static final Path K8S = Path.of("docker/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The Kubernetes limit for one ConfigMap. */
    private static final long CONFIG_MAP_LIMIT = 1024 * 1024;

    /** What generate.sh puts in the ConfigMaps: every DRL, YAML and JSON file under rules/, by path. */
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

    /** The ConfigMaps generate.sh wrote, one per folder under rules/, by name. */
    private static Map<String, JsonNode> configMaps() throws IOException {
        Map<String, JsonNode> maps = new TreeMap<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(K8S.resolve("rules-configmaps.yaml").toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isEmpty()) {
                    maps.put(document.at("/metadata/name").asText(), document);
                }
            }
        }
        return maps;
    }

    @Test
    void theConfigMapsHoldEveryRuleFileAsItIsAndEachFitsTheLimit() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        ruleFiles().forEach((path, text) -> expected.put(path.replace("/", "__"), stripTrailingNewlines(text)));
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, JsonNode> map : configMaps().entrySet()) {
            long bytes = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = map.getValue().get("data").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> file = it.next();
                assertEquals("residence-permit-rules-" + folderOf(file.getKey()), map.getKey(),
                        file.getKey() + " belongs in its folder's ConfigMap");
                actual.put(file.getKey(), stripTrailingNewlines(file.getValue().asText()));
                bytes += file.getKey().length() + file.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
            }
            assertTrue(bytes < CONFIG_MAP_LIMIT, map.getKey() + " holds " + bytes + " bytes, over the 1 MiB limit");
        }

        assertEquals(expected.keySet(), actual.keySet(), "run docker/k8s/generate.sh: the ConfigMaps' files differ");
        List<String> differing = new ArrayList<>();
        expected.forEach((key, text) -> {
            if (!text.equals(actual.get(key))) {
                differing.add(key);
            }
        });
        assertEquals(List.of(), differing, "run docker/k8s/generate.sh: these files changed since");
    }

    @Test
    void theDeploymentMountsEveryRuleFileAtItsPathFromItsFoldersConfigMap() throws IOException {
        JsonNode sources = YAML.readTree(K8S.resolve("deployment.yaml").toFile())
                .at("/spec/template/spec/volumes").findValue("projected").get("sources");
        Map<String, String> mounted = new TreeMap<>();
        for (JsonNode source : sources) {
            String name = source.at("/configMap/name").asText();
            if (name.startsWith("residence-permit-rules-")) {
                source.at("/configMap/items").forEach(item -> {
                    assertEquals("residence-permit-rules-" + folderOf(item.get("key").asText()), name);
                    mounted.put(item.get("path").asText(), item.get("key").asText());
                });
            }
        }
        Map<String, String> expected = new TreeMap<>();
        ruleFiles().keySet().forEach(path -> expected.put(path, path.replace("/", "__")));
        assertEquals(expected, mounted, "run docker/k8s/generate.sh: the Deployment's volume items differ");
        assertEquals(configMaps().keySet(), new TreeSet<>(sources.findValuesAsText("name").stream()
                        .filter(n -> n.startsWith("residence-permit-rules-")).toList()),
                "every ConfigMap is projected, and only those that exist");
    }

    /** The folder under rules/ a ConfigMap key's file lies in ("top" for files directly under rules/). */
    private static String folderOf(String key) {
        int separator = key.indexOf("__");
        return separator < 0 ? "top" : key.substring(0, separator);
    }
}
