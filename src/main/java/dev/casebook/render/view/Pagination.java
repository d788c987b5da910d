package dev.casebook.render.view;

/**
 * Where a page of a long listing (the table of write-ups, a term's write-ups) stands among its
 * pages, as {@code pagination}. The first page is at the listing's own URL and page n at
 * {@code <listing>page/n/}, so an address stays the same as write-ups are added to later pages.
 *
 * @param number this page, from 1
 * @param count how many pages the listing has (1 when it fits on one)
 * @param first index in the whole listing of this page's first entry, from 0
 * @param total entries in the whole listing
 * @param firstUrl site-relative URL of page 1
 * @param prevUrl site-relative URL of the page before, or empty on the first
 * @param nextUrl site-relative URL of the page after, or empty on the last
 * @param lastUrl site-relative URL of the last page
 */
public record Pagination(int number, int count, int first, int total, String firstUrl, String prevUrl, String nextUrl,
    String lastUrl) {}
