package dev.casebook.render.view;

/** What {@code taxonomy.ftlh} sees: the terms of one way to browse (services, teams, tags, years). */
public record TaxonomyPage(PageContext context, TaxonomyView taxonomy, LibraryView library) implements PageModel {}
