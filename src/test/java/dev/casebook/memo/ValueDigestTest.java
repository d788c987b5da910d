package dev.casebook.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValueDigestTest {
  record View(String id, String title, List<String> tags) {}

  record Page(String template, View view, Map<String, Integer> counts, LocalDate date) {}

  record Other(String id, String title, List<String> tags) {}

  record WithFunction(Function<String, String> f) {}

  private static String hex(Object value) {
    return new ValueDigest().hex(value);
  }

  @Test
  void equalValuesHaveEqualDigestsAcrossInstances() {
    Page a = new Page("incident.ftlh", new View("INC-1", "Disk full", List.of("disk")), Map.of("a", 1, "b", 2), LocalDate.of(2024, 3, 5));
    Page b = new Page("incident.ftlh", new View("INC-1", "Disk full", new ArrayList<>(List.of("disk"))), new HashMap<>(Map.of("b", 2, "a", 1)),
        LocalDate.of(2024, 3, 5));
    assertEquals(hex(a), hex(b));
    assertEquals(64, hex(a).length());
    // The digest is SHA-256 of a fixed encoding: the same in every process.
    assertEquals(hex(a), new ValueDigest().hex(a));
  }

  @Test
  void everyComponentCounts() {
    View v = new View("INC-1", "Disk full", List.of("disk"));
    String base = hex(v);
    assertNotEquals(base, hex(new View("INC-2", "Disk full", List.of("disk"))));
    assertNotEquals(base, hex(new View("INC-1", "Disk ful", List.of("disk"))));
    assertNotEquals(base, hex(new View("INC-1", "Disk full", List.of("disk", "dns"))));
    assertNotEquals(base, hex(new View("INC-1", "Disk full", List.of())));
    assertNotEquals(base, hex(new View("INC-1", null, List.of("disk"))));
    // The same components in a record of another type differ.
    assertNotEquals(base, hex(new Other("INC-1", "Disk full", List.of("disk"))));
  }

  @Test
  void typesAndBoundariesAreWrittenSoNoTwoValuesCollide() {
    assertNotEquals(hex("1"), hex(1));
    assertNotEquals(hex(1), hex(1L * 1 + 0.0));
    assertNotEquals(hex(List.of("ab", "c")), hex(List.of("a", "bc")));
    assertNotEquals(hex(List.of("a")), hex(Set.of("a")));
    assertNotEquals(hex(Optional.empty()), hex((Object) null));
    assertNotEquals(hex(true), hex(false));
    assertNotEquals(hex(List.of(List.of(), List.of("x"))), hex(List.of(List.of("x"), List.of())));
    assertEquals(hex(1), hex(1L), "integers are integers whatever their width");
  }

  @Test
  void orderCountsForListsAndOrderedMapsOnly() {
    assertNotEquals(hex(List.of("a", "b")), hex(List.of("b", "a")));
    Map<String, Integer> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    Map<String, Integer> ba = new LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);
    assertNotEquals(hex(ab), hex(ba), "a LinkedHashMap's order is what a template iterates");
    assertEquals(hex(new TreeMap<>(ab)), hex(new TreeMap<>(ba)));
    assertEquals(hex(Map.of("a", 1, "b", 2)), hex(new HashMap<>(ba)), "unordered maps: by their entries");
    assertEquals(hex(Set.of("x", "y", "z")), hex(new java.util.HashSet<>(List.of("z", "y", "x"))));
    assertNotEquals(hex(Map.of("a", 1, "b", 2)), hex(Map.of("a", 2, "b", 1)));
  }

  @Test
  void aRecordSharedByManyValuesIsDigestedAsItIs() {
    ValueDigest digests = new ValueDigest();
    View shared = new View("INC-1", "Disk full", List.of("disk"));
    String first = digests.hex(List.of(shared, "x"));
    assertEquals(first, digests.hex(List.of(shared, "x")));
    assertEquals(first, new ValueDigest().hex(List.of(new View("INC-1", "Disk full", List.of("disk")), "x")));
  }

  @Test
  void aValueOfAnUnknownTypeHasNoDigest() {
    assertThrows(ValueDigest.Undigestible.class, () -> hex(new WithFunction(s -> s)));
    assertThrows(ValueDigest.Undigestible.class, () -> hex(List.of(new Object())));
    assertThrows(ValueDigest.Undigestible.class, () -> hex(new StringBuilder("mutable")));
  }
}
