package org.residencepermit.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseFilesTest {
    @TempDir
    Path rules;

    private static final String CASE = """
            - name: NAT-T-01
              asOf: 2024-07-15
              input: {city: OTHER, procedure: FIRST_APPLICATION}
              expect: {verdict: ELIGIBLE}
            """;

    @Test
    void readsTheCasesOfAFile() throws Exception {
        write("national/cases/t.yaml", CASE);
        TestCase only = CaseFiles.load(rules, null).get(0);
        assertEquals("NAT-T-01", only.name());
        assertEquals("ELIGIBLE", only.expect().get("verdict").asText());
    }

    @Test
    void aKeyGivenTwiceInACaseIsRefusedNotResolvedByOrder() throws Exception {
        write("national/cases/t.yaml", CASE + "  expect: {verdict: NOT_ELIGIBLE}\n");
        CaseFiles.CaseFormatException e = assertThrows(CaseFiles.CaseFormatException.class,
                () -> CaseFiles.load(rules, null));
        assertTrue(e.getMessage().contains("t.yaml") && e.getMessage().contains("'expect'"), e.getMessage());
    }

    @Test
    void aCacheParsesOnlyTheFilesThatChangedSinceItsLastLoad() throws Exception {
        write("national/cases/a.yaml", CASE);
        write("beijing/cases/b.yaml", CASE.replace("NAT-T-01", "BJ-T-01").replace("OTHER", "BEIJING"));
        CaseFiles.Cache cache = new CaseFiles.Cache();
        List<TestCase> first = cache.load(rules, null);
        write("beijing/cases/b.yaml", CASE.replace("NAT-T-01", "BJ-T-01").replace("ELIGIBLE", "NOT_ELIGIBLE"));
        List<TestCase> second = cache.load(rules, null);

        assertEquals(List.of("BJ-T-01", "NAT-T-01"), second.stream().map(TestCase::name).toList());
        assertSame(first.get(1), second.get(1), "the unchanged file is not parsed again");
        assertEquals("NOT_ELIGIBLE", second.get(0).expect().get("verdict").asText(), "the edited file is");
        write("national/cases/a.yaml", CASE + "  expect: {verdict: NOT_ELIGIBLE}\n");
        assertThrows(CaseFiles.CaseFormatException.class, () -> cache.load(rules, null));
    }

    private void write(String path, String text) throws Exception {
        Path file = rules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
