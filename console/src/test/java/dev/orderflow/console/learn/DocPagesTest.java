package dev.orderflow.console.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Learn cards' docs links: every one opens a served page at a section that exists, and no served page links into the void. */
class DocPagesTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void everyCardLinksToAServedPageAndASectionThatExists() {
        for (PatternCards.Card card : PatternCards.ALL) {
            String[] link = card.doc().split("#", 2);
            DocPages.Page page = DocPages.render(link[0]).orElseThrow(() -> new AssertionError(card.id() + ": no page " + link[0]));
            assertThat(page.repositoryPath()).isEqualTo(card.docPath());
            if (link.length == 2) {
                assertThat(page.html()).as("%s links to a section of %s", card.id(), link[0]).contains("id=\"" + link[1] + "\"");
            }
        }
    }

    @Test
    void linksBetweenServedPagesStayLinksAndLinksToOtherRepositoryFilesBecomeTheirPath() {
        String inbox = DocPages.render("idempotent-consumer").orElseThrow().html();

        // docs/patterns/idempotent-consumer.md links the outbox page's mechanism section.
        assertThat(inbox).contains("href=\"/learn/docs/transactional-outbox#the-mechanism\"");
        for (String name : DocPages.PAGES.keySet()) {
            Matcher hrefs = HREF.matcher(DocPages.render(name).orElseThrow().html());
            while (hrefs.find()) {
                assertThat(hrefs.group(1)).as("a link on %s", name).matches("#.*|/learn/docs/.*|https?://.*|mailto:.*");
            }
        }
    }

    @Test
    void anUnknownPageIsNotServed() {
        assertThat(DocPages.render("../../pom.xml")).isEmpty();
    }
}
