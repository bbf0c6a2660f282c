package dev.orderflow.sandbox.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in the project's Markdown is an excerpt of a compiled source file, so a sample
 * cannot stop compiling while the code moves on: the block's first line names the file
 * ({@code // from <path>}), and its other lines appear in that file in the same order ({@code // ...}
 * marks what is left out; blank lines and indentation do not count).
 */
class DocSamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("^// from (\\S+)$");
    /** Build output, run state and tools' folders hold no project page; test resources hold fixtures that are wrong on purpose. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".orderflow", ".git", "node_modules");

    @Test
    void everyJavaSampleInTheDocsIsAnExcerptOfItsCompiledSource() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages = markdownPages();
        pages.forEach(page -> problems.addAll(problemsIn(page)));
        long samples = pages.stream().mapToLong(page -> JAVA_BLOCK.matcher(read(page)).results().count()).sum();
        assertThat(samples).as("Java samples found (shared-messaging's README alone has four)").isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }

    @Test
    void aSampleThatDriftedFromItsSourceOrNamesNoneFailsTheCheck() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/doc-fixtures/uncompilable-sample.md").toURI());
        assertThat(problemsIn(fixture)).satisfiesExactly(
                drifted -> assertThat(drifted).contains("OrderService.java")
                        .contains("public Order place(PlaceOrder command) {"),
                unnamed -> assertThat(unnamed).contains("names no source"));
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = SKIPPED_DIRECTORIES.contains(name) || dir.endsWith(Path.of("src", "test", "resources"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".md")) {
                    pages.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return pages;
    }

    static List<String> problemsIn(Path page) {
        List<String> problems = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(read(page));
        while (block.find()) {
            List<String> lines = block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            Matcher source = lines.isEmpty() ? null : SOURCE.matcher(lines.get(0));
            if (source == null || !source.matches()) {
                problems.add(page + ": a java sample names no source (first line: // from <path>)");
                continue;
            }
            Path file = ROOT.resolve(source.group(1));
            if (!Files.isRegularFile(file)) {
                problems.add(page + ": the sample's source " + source.group(1) + " does not exist");
                continue;
            }
            List<String> code = read(file).lines().map(String::strip).toList();
            int at = 0;
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("// ...")) {
                    continue;
                }
                int found = code.subList(at, code.size()).indexOf(line);
                if (found < 0) {
                    problems.add(page + ": not in " + source.group(1) + " (or not in this order): " + line);
                    break;
                }
                at += found + 1;
            }
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
