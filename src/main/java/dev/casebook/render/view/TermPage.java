package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code term.ftlh} sees: one page of the write-ups of one term.
 *
 * @param stats the figures of every write-up of the term, not only this page's
 * @param newest the term's newest write-up
 * @param oldest the term's oldest write-up
 */
public record TermPage(PageContext context, TaxonomyView taxonomy, TermView term, List<IncidentView> incidents,
    Pagination pagination, TermStats stats, IncidentView newest, IncidentView oldest, LibraryView library)
    implements PageModel {}
