package dev.casebook.render.view;

/** What a page that shows only the library's figures sees: the search page and the 404 page. */
public record LibraryPage(PageContext context, LibraryView library) implements PageModel {}
