package dev.casebook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
  private static Glossary.Term term(String name, String... aliases) {
    return new Glossary.Term(name, Glossary.slug(name), List.of(aliases), "Means " + name + ".", List.of());
  }

  private static final Glossary GLOSSARY = new Glossary(List.of(
      term("DNS"), term("DNS resolver"), term("SLO", "service level objective"), term("error budget"), term("cache"),
      term("PagerDuty"), term("on-call"), term("index")));
  private static final TermMatcher MATCHER = TermMatcher.of(GLOSSARY);

  /** Each match as "text=term". */
  private static List<String> found(String text) {
    return MATCHER.find(text).stream().map(m -> text.substring(m.start(), m.end()) + "=" + m.term().name()).toList();
  }

  @Test
  void theLongestTermStartingAtAPlaceWins() {
    assertEquals(List.of("DNS resolver=DNS resolver", "DNS=DNS"), found("The DNS resolver failed; DNS was fine."));
  }

  @Test
  void aRunOfWhiteSpaceMatchesTheSpaceOfATerm() {
    assertEquals(List.of("DNS \n  resolver=DNS resolver", "error\tbudget=error budget"), found("a DNS \n  resolver and the error\tbudget"));
  }

  @Test
  void acronymsAndNamesWithInnerCapitalsMatchOnlyAsWritten() {
    assertEquals(List.of(), found("the dns and the slo and the Slo, pagerduty"));
    assertEquals(List.of("SLO=SLO", "PagerDuty=PagerDuty"), found("the SLO paged through PagerDuty"));
  }

  @Test
  void otherTermsMatchInAnyCase() {
    assertEquals(List.of("Error Budget=error budget", "Service Level Objective=SLO"),
        found("Error Budget of the Service Level Objective"));
  }

  @Test
  void pluralsMatch() {
    assertEquals(List.of("SLOs=SLO", "caches=cache", "error budgets=error budget", "indexes=index"),
        found("two SLOs, three caches, error budgets, indexes"));
    assertEquals(List.of(), found("SLOS DNSes cachees"));
  }

  @Test
  void onlyWholeWordsMatch() {
    assertEquals(List.of(), found("cached, precache, DNSSEC, xSLO, SLO_x, SLO-2, payments-cache, on-caller"));
    assertEquals(List.of("SLO=SLO", "cache=cache", "on-call=on-call", "DNS=DNS"), found("(SLO) \"cache\" on-call: DNS's"));
  }

  @Test
  void textWithNoTermsGivesNoMatches() {
    assertEquals(List.of(), found(""));
    assertEquals(List.of(), found("nothing to see here at all"));
  }
}
