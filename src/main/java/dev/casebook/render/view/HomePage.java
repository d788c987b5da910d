package dev.casebook.render.view;

import java.util.List;

/** What {@code index.ftlh} sees: the home page. */
public record HomePage(PageContext context, List<IncidentView> recent, List<IncidentView> nearMisses, TaxonomyView years,
    LibraryView library) implements PageModel {}
