package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A plan's listings are planned once, when first asked for, and take their place among its outputs. */
class SitePlanTest {
  private static SitePlan.Output out(String path, Object key) {
    return new SitePlan.Output(path, key, r -> {});
  }

  @Test
  void thePagesOfAPlanAreComparedWithoutPlanningItsListings() {
    SitePlan before = new SitePlan(List.of(out("a.html", 1), out("b.html", 1), out("old.html", 1)), 2,
        () -> List.of(out("list.html", 1).asListing(), out("gone-list.html", 1).asListing()));
    before.outputs();
    AtomicInteger planned = new AtomicInteger();
    SitePlan now = new SitePlan(List.of(out("a.html", 2), out("b.html", 1), out("new.html", 1)), 2, () -> {
      planned.incrementAndGet();
      return List.of(out("list.html", 2).asListing());
    });
    assertEquals(List.of("a.html", "new.html"), now.pagesChangedSince(before).stream().map(SitePlan.Output::path).toList());
    assertEquals(Set.of("old.html"), now.pagesRemovedSince(before));
    assertEquals(0, planned.get(), "no listing planned yet");
    assertEquals(List.of("list.html"), now.listingsChangedSince(before).stream().map(SitePlan.Output::path).toList());
    assertEquals(Set.of("old.html", "gone-list.html"), now.removedSince(before));
    assertEquals(List.of("a.html", "b.html", "list.html", "new.html"), now.outputs().stream().map(SitePlan.Output::path).toList());
    assertEquals(List.of("a.html", "list.html", "new.html"), now.changedSince(before).stream().map(SitePlan.Output::path).toList());
    assertEquals(1, planned.get(), "the listings are planned once");
  }
}
