package dev.casebook.render.view;

/** A design document that cites the write-up being shown, with the sentence that cites it. */
public record DesignCiting(DesignView design, String context) {}
