package dev.orderflow.sandbox.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labs' results as {@code result.json}, for a program that starts {@code orderflow lab --out DIR}
 * (the console's Learn page) and should not scrape the terminal text. Rewritten after each lab, by
 * an atomic move, so a reader sees the labs done so far and never half a file:
 * <pre>{ "passed": bool, "labs": [ { "pattern", "passed", "damageShown", "damagePrevented", "verdict",
 *   "naive": { "title", "evidence": [..] }, "patterns": { "title", "evidence": [..] } } ] }</pre>
 * {@code passed} at the top is what the exit status says (0 when true): every lab passed.
 */
public final class LabResultFile {
    public static final String NAME = "result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabResultFile() {}

    public static void write(Path dir, List<LabResult> results) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("passed", results.stream().allMatch(LabResult::passed));
        file.put("labs", results.stream().map(LabResultFile::lab).toList());
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(NAME + ".partial");
            JSON.writeValue(partial.toFile(), file);
            Files.move(partial, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> lab(LabResult result) {
        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("pattern", result.pattern());
        lab.put("passed", result.passed());
        lab.put("damageShown", result.damageShown());
        lab.put("damagePrevented", result.damagePrevented());
        lab.put("verdict", result.verdict());
        lab.put("naive", result.naive());
        lab.put("patterns", result.patterns());
        return lab;
    }
}
