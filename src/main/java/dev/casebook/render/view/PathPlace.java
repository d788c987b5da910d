package dev.casebook.render.view;

/**
 * Where a page stands in one reading path: "3 of 6 in Payments on-call".
 *
 * @param number the page's step, from 1
 * @param count how many steps the path has
 * @param step the page's own step (its reason)
 * @param previous the step before it, or null
 * @param next the step after it, or null
 */
public record PathPlace(PathView path, int number, int count, PathStepView step, PathStepView previous, PathStepView next) {}
