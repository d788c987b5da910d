package dev.casebook.render.view;

import java.util.List;
import java.util.Map;

/**
 * A write-up as templates see it, without its body. Missing optional values are empty strings,
 * empty lists or null (for {@code owner}, the moments and the spans); test them with {@code ??}.
 *
 * @param url site-relative URL of its page: {@code incidents/<id>/}
 * @param date ISO date {@code 2024-03-05}
 * @param dateLabel e.g. {@code 5 March 2024}
 * @param status {@code draft}, {@code in-review} or {@code published}
 * @param sourcePath the write-up's file, relative to the library root
 * @param editUrl where the file is edited ({@code edit_url} in casebook.yml), or empty
 * @param historyUrl the file's history on its forge, made from {@code edit_url}, or empty
 * @param changed ISO day the write-up last changed (its last commit, else {@code updated}), or empty
 * @param changedLabel that day as {@code dateLabel} shows a day, or empty
 */
public record IncidentView(
    String id,
    String title,
    String url,
    String date,
    String dateLabel,
    int year,
    String status,
    String summary,
    String severity,
    Link owner,
    List<Link> teams,
    List<Link> services,
    List<Link> tags,
    List<String> authors,
    List<String> responders,
    Moment started,
    Moment detected,
    Moment mitigated,
    Moment resolved,
    Span timeToDetect,
    Span timeToMitigate,
    Span duration,
    boolean nearMiss,
    Map<String, Object> extra,
    String sourcePath,
    String editUrl,
    String historyUrl,
    String changed,
    String changedLabel) {}
