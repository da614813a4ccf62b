package org.residencepermit.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.residencepermit.engine.ContentDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the case files under {@code rules/<jurisdiction>/cases/} (YAML or JSON, each a list of cases). */
public final class CaseFiles {
    /** A key given twice in a case would silently lose one of its values. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> CASE_KEYS = Set.of("name", "description", "asOf", "input", "expect");

    private CaseFiles() {
    }

    /** All cases of one jurisdiction, or of every jurisdiction when {@code jurisdiction} is null. */
    public static List<TestCase> load(Path rulesDirectory, String jurisdiction) {
        return new Cache().load(rulesDirectory, jurisdiction);
    }

    /**
     * Case files parsed once per content. A reload reads every case file again, and parsing the YAML took a sixth of
     * a reload's CPU (JFR, session 15); files whose bytes are unchanged since the last load come from here. The
     * parsed cases are shared between loads: nothing may change their trees ({@link TestCase#request()} hands out
     * copies).
     */
    public static final class Cache {
        private record Parsed(String digest, List<TestCase> cases) {
        }

        /** The files of the latest load, by absolute path. */
        private volatile Map<Path, Parsed> parsed = Map.of();

        /** As {@link CaseFiles#load}, parsing only files that changed since this cache's previous load. */
        public List<TestCase> load(Path rulesDirectory, String jurisdiction) {
            Map<Path, Parsed> previous = parsed;
            Map<Path, Parsed> current = new HashMap<>();
            List<TestCase> cases = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Path file : files(rulesDirectory, jurisdiction)) {
                Path relative = rulesDirectory.relativize(file);
                byte[] content = readBytes(file);
                String digest = new ContentDigest().add(relative.toString(), content).hex();
                Parsed known = previous.get(file.toAbsolutePath());
                Parsed entry = known != null && known.digest().equals(digest)
                        ? known : new Parsed(digest, read(file, relative, content));
                current.put(file.toAbsolutePath(), entry);
                for (TestCase c : entry.cases()) {
                    if (!names.add(c.name())) {
                        throw new CaseFormatException(file, "duplicate case name '" + c.name() + "'");
                    }
                    cases.add(c);
                }
            }
            parsed = Map.copyOf(current);
            return cases;
        }
    }

    /** A hash of every case file of the directory (names and contents): which cases a validation ran. */
    public static String digest(Path rulesDirectory) {
        return ContentDigest.ofFiles(rulesDirectory, files(rulesDirectory, null));
    }

    private static List<Path> files(Path rulesDirectory, String jurisdiction) {
        try (Stream<Path> walk = Files.walk(rulesDirectory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().equals("cases"))
                    .filter(f -> jurisdiction == null
                            || f.getParent().getParent().getFileName().toString().equals(jurisdiction))
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")
                            || f.toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CaseFormatException(file, e.getMessage());
        }
    }

    private static List<TestCase> read(Path file, Path relative, byte[] content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            throw new CaseFormatException(file, e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new CaseFormatException(file, "a case file is a list of cases");
        }
        List<TestCase> cases = new ArrayList<>();
        for (JsonNode node : root) {
            node.fieldNames().forEachRemaining(key -> {
                if (!CASE_KEYS.contains(key)) {
                    throw new CaseFormatException(file, "unknown key '" + key + "' (allowed: " + CASE_KEYS + ")");
                }
            });
            for (String key : List.of("name", "asOf", "input", "expect")) {
                if (!node.hasNonNull(key)) {
                    throw new CaseFormatException(file, "a case needs '" + key + "': " + node.path("name").asText());
                }
            }
            if (node.get("input").has("asOf")) {
                throw new CaseFormatException(file, "case '" + node.get("name").asText()
                        + "': asOf belongs at the case level, not in input");
            }
            cases.add(new TestCase(node.get("name").asText(), node.path("description").asText(null),
                    node.get("asOf").asText(), node.get("input"), node.get("expect"), relative));
        }
        return List.copyOf(cases);
    }

    /** A case file that cannot be read; names the file. */
    public static final class CaseFormatException extends RuntimeException {
        public CaseFormatException(Path file, String message) {
            super(file + ": " + message);
        }
    }
}
