package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code design.ftlh} sees: a design document's page.
 *
 * @param cites the write-ups it cites
 * @param paths where it stands in each reading path it is a step of
 */
public record DesignPage(PageContext context, DesignView design, ContentView content, List<IncidentView> cites,
    List<PathPlace> paths)
    implements PageModel {}
