package dev.casebook.coach;

/** One piece of a careful reviewer's advice. */
interface Rule {
  /** The name casebook.yml switches it by, e.g. {@code hindsight}. */
  String name();

  /** Adds the rule's hints about {@code writeUp} to {@code hints}. */
  void check(WriteUp writeUp, Hints hints);
}
