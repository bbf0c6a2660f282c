package dev.orderflow.console.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The pattern pages the Learn cards link to, served by the console itself: the build copies them from
 * docs/ into the jar (console/pom.xml), so the page shows the docs of the code that runs, also in the
 * container. Links between served pages stay links; a link to any other repository file becomes its
 * path as text (the console serves no source tree).
 */
public final class DocPages {
    /** name → repository path; the jar holds each under learn-docs/ + that path. */
    static final Map<String, String> PAGES = Map.of(
            "transactional-outbox", "docs/patterns/transactional-outbox.md",
            "idempotent-consumer", "docs/patterns/idempotent-consumer.md",
            "per-aggregate-ordering", "docs/patterns/per-aggregate-ordering.md",
            "failure-classification-and-dead-letters", "docs/patterns/failure-classification-and-dead-letters.md",
            "schema-evolution", "docs/patterns/schema-evolution.md",
            "observability", "docs/patterns/observability.md",
            "payment-service", "payment-service/README.md");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private DocPages() {}

    public record Page(String name, String repositoryPath, String html) {}

    public static String repositoryPath(String name) {
        return PAGES.get(name);
    }

    public static Optional<Page> render(String name) {
        String path = PAGES.get(name);
        if (path == null) {
            return Optional.empty();
        }
        try (InputStream in = DocPages.class.getClassLoader().getResourceAsStream("learn-docs/" + path)) {
            if (in == null) {
                throw new IllegalStateException("learn-docs/" + path + " is not in the console's jar (see console/pom.xml)");
            }
            String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                    .attributeProviderFactory(context -> (node, tag, attributes) -> {
                        if (node instanceof Link && attributes.containsKey("href")) {
                            relink(path, attributes);
                        }
                    }).build();
            return Optional.of(new Page(name, path, renderer.render(PARSER.parse(markdown))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A relative link resolved against the page's repository path: a served page's console URL, else its path as text. */
    private static void relink(String pagePath, Map<String, String> attributes) {
        String href = attributes.get("href");
        if (href.startsWith("#") || href.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return;
        }
        URI target;
        try {
            target = URI.create("repo:/" + pagePath).resolve(href);
        } catch (IllegalArgumentException notAUri) {
            attributes.remove("href");
            return;
        }
        String targetPath = target.getPath().substring(1);
        String fragment = target.getFragment() == null ? "" : "#" + target.getFragment();
        Optional<String> served = PAGES.entrySet().stream().filter(e -> e.getValue().equals(targetPath)).map(Map.Entry::getKey).findFirst();
        if (served.isPresent()) {
            attributes.put("href", "/learn/docs/" + served.get() + fragment);
        } else {
            attributes.remove("href");
            attributes.put("class", "repo-path");
            attributes.put("title", "in the repository: " + targetPath);
        }
    }
}
