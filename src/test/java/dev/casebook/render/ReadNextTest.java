package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadNextTest {
  private static final ReadNext.Terms NONE = new ReadNext.Terms(List.of(), List.of(), List.of());

  private static List<String> ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
  }

  private static List<String> picked(List<ReadNext.Pick> picks) {
    return picks.stream().map(p -> p.id() + ": " + p.reason()).toList();
  }

  @Test
  void citingAndCitedComeFirstThenTheAlikeThenTheRestOfTheCitations() {
    Map<String, List<String>> postings = Map.of(ReadNext.serviceKey("ledger"), List.of("SELF", "L1", "L2"),
        ReadNext.tagKey("dns"), List.of("L2", "SELF", "T1"));
    List<ReadNext.Pick> picks = ReadNext.pick("SELF", new ReadNext.Terms(List.of("ledger"), List.of("dns"), List.of()),
        List.of("C1", "C2", "C3", "C4"), List.of("D1", "SELF", "D2", "D3"), k -> postings.getOrDefault(k, List.of()), id -> true);
    assertEquals(List.of("C1: cites this", "C2: cites this", "D1: cited here", "D2: cited here",
        "L2: same service: ledger; also tagged dns", "L1: same service: ledger"), picked(picks));
  }

  @Test
  void citationsFillTheRoomTheAlikeLeave() {
    List<ReadNext.Pick> picks = ReadNext.pick("SELF", NONE, List.of("C1", "C2", "C3", "C4", "C5"), List.of("D1", "C1"),
        k -> List.of(), id -> !id.equals("C2"));
    assertEquals(List.of("C1: cites this", "C3: cites this", "D1: cited here", "C4: cites this", "C5: cites this"), picked(picks));
  }

  @Test
  void oneSharedWordIsNotEnoughTwoAreAndCommonWordsCountForNothing() {
    Map<String, List<String>> postings = new HashMap<>();
    postings.put(ReadNext.wordKey("replica"), List.of("SELF", "W1", "W2"));
    postings.put(ReadNext.wordKey("failover"), List.of("W2", "SELF"));
    postings.put(ReadNext.wordKey("outage"), new ArrayList<>(ids("X", ReadNext.COMMON_WORD)));
    postings.get(ReadNext.wordKey("outage")).add("W1");
    ReadNext.Terms terms = new ReadNext.Terms(List.of(), List.of(), List.of("replica", "failover", "outage"));
    assertEquals(List.of("W2: also about replica, failover"),
        picked(ReadNext.pick("SELF", terms, List.of(), List.of(), k -> postings.getOrDefault(k, List.of()), id -> true)));
  }

  @Test
  void atMostSixAndTiesGoToTheSmallerIdWhateverTheListsOrder() {
    List<String> many = new ArrayList<>(ids("S", 40));
    ReadNext.Terms terms = new ReadNext.Terms(List.of("payments"), List.of(), List.of());
    List<String> expected = List.of("S-000: same service: payments", "S-001: same service: payments",
        "S-002: same service: payments", "S-003: same service: payments", "S-004: same service: payments",
        "S-005: same service: payments");
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(many, random);
      List<String> list = List.copyOf(many);
      assertEquals(expected, picked(ReadNext.pick("SELF", terms, List.of(), List.of(), k -> list, id -> true)));
    }
  }

  @Test
  void onlyTheFirstHundredOfATermsListAreCandidates() {
    List<String> tagged = new ArrayList<>(ids("T", ReadNext.CANDIDATES_PER_TERM));
    tagged.add("A-LATE");
    Map<String, List<String>> postings = Map.of(ReadNext.tagKey("dns"), tagged);
    ReadNext.Terms terms = new ReadNext.Terms(List.of(), List.of("dns"), List.of());
    List<String> picks = picked(ReadNext.pick("SELF", terms, List.of(), List.of(), k -> postings.getOrDefault(k, List.of()),
        id -> true));
    // It would come first (the smallest id), but it lies beyond the first hundred of the list.
    assertEquals("T-000: also tagged dns", picks.get(0));
    assertEquals(List.of(), picks.stream().filter(p -> p.startsWith("A-LATE")).toList());
  }

  @Test
  void theInvertedListsHoldOnlyWhatIsReadTheFirstHundredAndNoCommonWord() {
    Map<String, ReadNext.Terms> library = new java.util.LinkedHashMap<>();
    for (String id : ids("W", 120)) {
      List<String> words = id.compareTo("W-051") < 0 ? List.of("outage", "replica") : List.of("replica");
      library.put(id, new ReadNext.Terms(List.of("Payments"), List.of("dns"), words));
    }
    library.put("LAST", new ReadNext.Terms(List.of(), List.of(), List.of("outage")));
    Map<String, List<String>> postings = ReadNext.postings(library);
    assertEquals(ids("W", ReadNext.CANDIDATES_PER_TERM), postings.get(ReadNext.serviceKey("payments")));
    assertEquals(ids("W", ReadNext.CANDIDATES_PER_TERM), postings.get(ReadNext.tagKey("dns")));
    assertEquals(List.of(), postings.get(ReadNext.wordKey("replica")), "in 120 write-ups: says nothing");
    assertEquals(List.of(), postings.get(ReadNext.wordKey("outage")), "in 52 write-ups: says nothing");
    library.remove("LAST");
    library.remove("W-000");
    assertEquals(ids("W", ReadNext.COMMON_WORD + 1).subList(1, ReadNext.COMMON_WORD + 1),
        ReadNext.postings(library).get(ReadNext.wordKey("outage")), "in 50: kept");
  }

  @Test
  void wordsAreTheDistinctLongerWordsOfTheTitleAndSummaryWithoutCommonOnes() {
    assertEquals(List.of("orders", "database", "failover", "left", "writes", "pointed", "primary", "réplica"),
        ReadNext.words("Orders database failover left writes pointed at the old primary, in 2023 with the 1234 réplica; orders"));
    assertEquals(ReadNext.WORDS, ReadNext.words(String.join(" ", ids("word", 30)).replace("-", "")).size());
  }
  @Test
  void theAlikeAreTheBestScoredOfAllCandidatesAsIfEveryPairWereCompared() {
    Random random = new Random(11);
    List<String> services = ids("svc", 6);
    List<String> tags = ids("tag", 9);
    Map<String, ReadNext.Terms> terms = new java.util.LinkedHashMap<>();
    for (String id : ids("INC", 90)) {
      terms.put(id, new ReadNext.Terms(some(services, 1 + random.nextInt(2), random), some(tags, 1 + random.nextInt(3), random),
          List.of()));
    }
    Map<String, List<String>> postings = ReadNext.postings(terms);
    for (Map.Entry<String, ReadNext.Terms> self : terms.entrySet()) {
      List<String> expected = terms.entrySet().stream().filter(e -> !e.getKey().equals(self.getKey()))
          .filter(e -> score(self.getValue(), e.getValue()) >= 2)
          .sorted(java.util.Comparator.comparingInt((Map.Entry<String, ReadNext.Terms> e) -> -score(self.getValue(), e.getValue()))
              .thenComparing(Map.Entry::getKey))
          .limit(ReadNext.MAX).map(Map.Entry::getKey).toList();
      List<String> actual = ReadNext.pick(self.getKey(), self.getValue(), List.of(), List.of(),
          k -> postings.getOrDefault(k, List.of()), id -> true).stream().map(ReadNext.Pick::id).toList();
      assertEquals(expected, actual, self.getKey());
    }
  }

  private static List<String> some(List<String> names, int n, Random random) {
    List<String> copy = new ArrayList<>(names);
    Collections.shuffle(copy, random);
    return List.copyOf(copy.subList(0, n));
  }

  private static int score(ReadNext.Terms a, ReadNext.Terms b) {
    return 3 * (int) a.services().stream().filter(b.services()::contains).count()
        + 2 * (int) a.tags().stream().filter(b.tags()::contains).count();
  }

  @Test
  void listsMadeFromTheLastOnesAreTheListsMadeAfresh() {
    java.util.Random random = new java.util.Random(3);
    String[] words = {"replica", "failover", "certificate", "outage", "queue", "backlog", "disk", "latency"};
    String[] names = {"ledger", "orders", "search", "edge"};
    java.util.function.Supplier<ReadNext.Terms> someTerms = () -> new ReadNext.Terms(
        List.of(names[random.nextInt(names.length)]), random.nextBoolean() ? List.of() : List.of(names[random.nextInt(names.length)]),
        java.util.stream.IntStream.range(0, random.nextInt(4)).mapToObj(k -> words[random.nextInt(words.length)]).distinct().toList());
    Map<String, ReadNext.Terms> terms = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 180; i++) terms.put("ID-" + i, someTerms.get());
    ReadNext.TermLists lists = ReadNext.TermLists.of(terms);
    for (int round = 0; round < 200; round++) {
      Map<String, ReadNext.Terms> next = new java.util.LinkedHashMap<>(terms);
      switch (random.nextInt(4)) {
        case 0 -> next.put("ID-" + random.nextInt(180), someTerms.get());
        case 1 -> next.put("ID-" + random.nextInt(180), terms.get("ID-" + random.nextInt(180)));
        case 2 -> {
          next.put("ID-" + random.nextInt(180), someTerms.get());
          next.put("ID-" + random.nextInt(180), someTerms.get());
        }
        default -> {
          // Another order: the lists are made afresh.
          List<String> ids = new ArrayList<>(next.keySet());
          java.util.Collections.swap(ids, random.nextInt(ids.size()), random.nextInt(ids.size()));
          Map<String, ReadNext.Terms> reordered = new java.util.LinkedHashMap<>();
          for (String id : ids) reordered.put(id, next.get(id));
          next = reordered;
        }
      }
      Map<String, List<String>> before = Map.copyOf(lists.postings());
      ReadNext.TermLists updated = lists.with(next);
      assertEquals(ReadNext.postings(next), updated.postings());
      assertEquals(before, lists.postings(), "the last lists stay as they were");
      lists = updated;
      terms = next;
    }
  }
}
