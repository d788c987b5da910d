package dev.casebook.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivedTest {
  final Input<String, String> titles = Input.byIdentity("titles");
  final Input<String, List<String>> links = Input.byValue("links");
  final Derived<String, String> pages = Derived.of();
  final List<String> computed = new ArrayList<>();

  /** A page: its title and the titles of the pages it links to. */
  String page(String id) {
    computed.add(id);
    StringBuilder out = new StringBuilder(titles.get(id));
    for (String to : links.get(id)) out.append(" -> ").append(titles.get(to));
    return out.toString();
  }

  void run(Map<String, String> t, Map<String, List<String>> l) {
    titles.set(t);
    links.set(l);
    pages.begin();
    computed.clear();
  }

  @Test
  void aValueIsComputedAgainExactlyWhenSomethingItReadChanged() {
    String a = new String("A");
    String b = new String("B");
    String c = new String("C");
    run(Map.of("a", a, "b", b, "c", c), Map.of("a", List.of("b"), "b", List.of(), "c", List.of()));
    assertEquals("A -> B", pages.get("a", this::page));
    assertEquals("B", pages.get("b", this::page));
    assertEquals("C", pages.get("c", this::page));
    assertEquals(List.of("a", "b", "c"), computed);

    // b's title changes: b and a (which shows it) are computed again, c is not.
    run(Map.of("a", a, "b", new String("B2"), "c", c), Map.of("a", List.of("b"), "b", List.of(), "c", List.of()));
    for (String id : List.of("a", "b", "c")) pages.get(id, this::page);
    assertEquals(List.of("a", "b"), computed);
    assertTrue(pages.reused("c"));
    assertEquals("A -> B2", pages.get("a", this::page));

    // An equal list made anew is the same value; an object equal to the last but not the same is a change.
    run(Map.of("a", a, "b", titles.all().get("b"), "c", new String("C")),
        Map.of("a", new ArrayList<>(List.of("b")), "b", List.of(), "c", List.of()));
    for (String id : List.of("a", "b", "c")) pages.get(id, this::page);
    assertEquals(List.of("c"), computed);
  }

  @Test
  void aValueThatWasNotAskedForInARunIsForgotten() {
    run(Map.of("a", "A"), Map.of("a", List.of()));
    pages.get("a", this::page);
    // The title changes in a run that asks for nothing; the next run changes nothing but must not
    // reuse the value computed before the change.
    run(Map.of("a", new String("A")), Map.of("a", List.of()));
    run(titles.all(), Map.of("a", List.of()));
    pages.get("a", this::page);
    assertEquals(List.of("a"), computed);
  }

  @Test
  void readsOfADerivedValueCountForTheValueThatReadIt() {
    Derived<String, String> summaries = Derived.of();
    run(Map.of("a", "A", "b", "B"), Map.of("a", List.of("b"), "b", List.of()));
    summaries.begin();
    String outer = summaries.get("a", k -> "[" + pages.get(k, this::page) + "]");
    assertEquals("[A -> B]", outer);

    run(Map.of("a", "A", "b", "B"), Map.of("a", List.of("b"), "b", List.of()));
    summaries.begin();
    summaries.get("a", k -> "[" + pages.get(k, this::page) + "]");
    assertTrue(summaries.reused("a"));

    String b2 = new String("B");
    run(Map.of("a", "A", "b", b2), Map.of("a", List.of("b"), "b", List.of()));
    summaries.begin();
    summaries.get("a", k -> "[" + pages.get(k, this::page) + "]");
    assertFalse(summaries.reused("a"), "b's title was read by the page the summary read");
  }

  @Test
  void aKeyThatCameOrWentIsAChange() {
    run(Map.of("a", "A"), Map.of("a", List.of("b")));
    assertEquals("A -> null", pages.get("a", this::page));
    assertEquals(List.of("Input[titles]:a", "Input[links]:a", "Input[titles]:b"), pages.reads("a"));
    run(Map.of("a", "A", "b", "B"), Map.of("a", List.of("b"), "b", List.of()));
    assertEquals("A -> B", pages.get("a", this::page));
    run(Map.of("a", "A"), Map.of("a", List.of("b")));
    assertEquals("A -> null", pages.get("a", this::page));
  }

  @Test
  void keepingEqualValuesKeepsTheLastObjectWhenTheNewOneIsEqual() {
    Derived<String, List<String>> lengths = Derived.keepingEqual();
    Derived<String, List<String>> plain = Derived.of();
    run(Map.of("a", "AB"), Map.of("a", List.of()));
    lengths.begin();
    plain.begin();
    List<String> first = lengths.get("a", k -> List.of(String.valueOf(titles.get(k).length())));
    List<String> firstPlain = plain.get("a", k -> List.of(String.valueOf(titles.get(k).length())));

    run(Map.of("a", "CD"), Map.of("a", List.of()));
    lengths.begin();
    plain.begin();
    List<String> second = lengths.get("a", k -> List.of(String.valueOf(titles.get(k).length())));
    List<String> secondPlain = plain.get("a", k -> List.of(String.valueOf(titles.get(k).length())));
    assertTrue(first == second, "an equal value computed again is the last object");
    assertFalse(firstPlain == secondPlain);
    assertEquals(firstPlain, secondPlain);

    run(Map.of("a", "EFG"), Map.of("a", List.of()));
    lengths.begin();
    assertEquals(List.of("3"), lengths.get("a", k -> List.of(String.valueOf(titles.get(k).length()))));
  }
  @Test
  void theSameMapGivenAgainChangesNothingAndANewOneIsComparedAsUsual() {
    Map<String, String> t = Map.of("a", new String("A"), "b", new String("B"));
    Map<String, List<String>> l = Map.of("a", List.of("b"), "b", List.of());
    run(t, l);
    pages.get("a", this::page);
    pages.get("b", this::page);
    Map<String, String> t2 = Map.of("a", t.get("a"), "b", new String("B2"));
    titles.set(t2);
    links.set(l);
    pages.begin();
    computed.clear();
    assertEquals("A -> B2", pages.get("a", this::page));
    pages.get("b", this::page);
    // Given the very same maps once more: nothing changed since the last run, so nothing is computed.
    titles.set(t2);
    links.set(l);
    pages.begin();
    computed.clear();
    pages.get("a", this::page);
    pages.get("b", this::page);
    assertEquals(List.of(), computed);
  }
}
