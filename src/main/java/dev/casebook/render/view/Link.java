package dev.casebook.render.view;

/** A name and the site-relative URL of its page (e.g. {@code services/checkout/}). */
public record Link(String name, String url) {}
