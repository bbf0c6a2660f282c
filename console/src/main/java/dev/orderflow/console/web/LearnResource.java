package dev.orderflow.console.web;

import dev.orderflow.console.learn.DocPages;
import dev.orderflow.console.learn.LabRun;
import dev.orderflow.console.learn.LabRuns;
import dev.orderflow.console.learn.PatternCards;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Page 6: one card per pattern, its docs page, and its lab (the CLI's) run with the pattern off, then on. */
@Path("/learn")
@Produces(MediaType.TEXT_HTML)
public class LearnResource {
    private final LabRuns labs;
    private final Template page;
    private final Template labPanel;
    private final Template docPage;
    private final Template notice;

    LearnResource(LabRuns labs, @Location("learn.html") Template page, @Location("lab-run.html") Template labPanel,
            @Location("learn-doc.html") Template docPage, @Location("notice.html") Template notice) {
        this.labs = labs;
        this.page = page;
        this.labPanel = labPanel;
        this.docPage = docPage;
        this.notice = notice;
    }

    @GET
    public TemplateInstance page() {
        return page.data("page", "learn").data("cards", PatternCards.ALL).data("run", labs.latest().orElse(null));
    }

    @POST
    @Path("labs/{pattern}")
    public TemplateInstance start(@PathParam("pattern") String pattern, @FormParam("seed") @DefaultValue("1") long seed) {
        try {
            return panel(labs.start(pattern, seed));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return notice.data("kind", "error").data("text", refused.getMessage()).data("link", null);
        }
    }

    @GET
    @Path("labs/latest")
    public TemplateInstance latest() {
        return labs.latest().map(this::panel)
                .orElseGet(() -> notice.data("kind", "info").data("text", "No lab run yet.").data("link", null));
    }

    @GET
    @Path("docs/{name}")
    public TemplateInstance doc(@PathParam("name") String name) {
        DocPages.Page doc = DocPages.render(name).orElseThrow(() -> new NotFoundException("no docs page " + name));
        return docPage.data("page", "learn").data("doc", doc);
    }

    private TemplateInstance panel(LabRun run) {
        return labPanel.data("run", run).data("outcome", run.outcome()).data("lines", run.cli().lastLines(14));
    }
}
