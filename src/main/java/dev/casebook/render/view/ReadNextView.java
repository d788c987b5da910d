package dev.casebook.render.view;

/**
 * A write-up to read next, with why: "cites this", "cited here", "same services: payments,
 * ledger", "also tagged dns".
 */
public record ReadNextView(IncidentView incident, String reason) {}
