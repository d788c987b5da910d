package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code design.ftlh} sees: a design document's page.
 *
 * @param cites the write-ups it cites
 */
public record DesignPage(PageContext context, DesignView design, ContentView content, List<IncidentView> cites)
    implements PageModel {}
