package dev.casebook.render.view;

import java.util.List;

/**
 * A design document as templates see it.
 *
 * @param url site-relative URL of its page: {@code design/<slug>/}
 * @param date ISO date, or empty
 * @param citations how many write-ups it cites
 */
public record DesignView(
    String slug,
    String title,
    String url,
    String status,
    List<String> authors,
    String date,
    String dateLabel,
    String sourcePath,
    int citations) {}
