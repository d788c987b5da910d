package dev.casebook.render.view;

/**
 * One step of a reading path.
 *
 * @param number from 1
 * @param kind {@code write-up} or {@code design}
 * @param url site-relative URL of the step's page; the reader's progress is kept by it
 * @param meta what the step is, in a few words: the write-up's id and date, or "Design document"
 * @param reason why it is on the path
 * @param date ISO date, or empty
 * @param dateLabel e.g. {@code 5 March 2024}, or empty
 */
public record PathStepView(int number, String kind, String url, String title, String meta, String reason, String date,
    String dateLabel) {}
