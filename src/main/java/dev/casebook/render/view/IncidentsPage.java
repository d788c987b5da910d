package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code incidents.ftlh} sees: one page of the table of every write-up.
 *
 * @param stats the figures of every write-up, not only this page's
 * @param rowsScript the script with the rows of every page, for sorting and filtering them all;
 *     empty when the table fits on one page
 */
public record IncidentsPage(PageContext context, List<IncidentView> incidents, Pagination pagination, TermStats stats,
    LibraryView library, String rowsScript) implements PageModel {}
