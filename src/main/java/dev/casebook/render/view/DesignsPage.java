package dev.casebook.render.view;

import java.util.List;

/** What {@code designs.ftlh} sees: one page of the list of design documents. */
public record DesignsPage(PageContext context, List<DesignView> designs, Pagination pagination, LibraryView library)
    implements PageModel {}
