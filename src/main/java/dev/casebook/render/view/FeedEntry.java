package dev.casebook.render.view;

/** An entry of the Atom feed; {@code link} is absolute when the site has a base URL. */
public record FeedEntry(IncidentView incident, String link, String updated) {}
