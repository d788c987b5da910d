package dev.casebook.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glossary and the catalog of {@code sites/glossary/input} (casebook.yml and Backstage files)
 * build to exactly {@code sites/glossary/expected}: the glossary page, the write-ups that use its
 * terms, and the pages of the services and teams the catalog describes. After an intended change,
 * regenerate with {@code mvn test -Dtest=GlossarySiteGoldenTest -Dgolden.update=true} and review
 * the diff; regeneration refuses to run on CI.
 */
class GlossarySiteGoldenTest {
  private static final List<String> PAGES = List.of("glossary/", "incidents/INC-", "services/checkout/", "services/orders/",
      "teams/payments/", "teams/data/", "sitemap.xml");

  @TempDir Path tmp;

  private Path build() throws IOException {
    Path out = tmp.resolve("site");
    BuildResult result = SiteBuild.build(new BuildOptions(Fixtures.resource("sites/glossary/input"), out, false, null));
    assertTrue(result.written(), result.diagnostics().toString());
    assertEquals(List.of(), result.diagnostics().stream().map(Object::toString).toList());
    return out;
  }

  @Test
  void glossaryAndCatalogPagesBuildToTheirGoldenPages() throws IOException {
    Fixtures.assertGolden(build(), Path.of("src/test/resources/sites/glossary/expected"), path -> PAGES.stream().anyMatch(path::startsWith));
  }

  @Test
  void aWriteUpLinksTheFirstUseOfEachTermToTheGlossaryWithItsDefinitionAsTitle() throws IOException {
    Document page = Jsoup.parse(Files.readString(build().resolve("incidents/INC-2024-001/index.html")));
    assertEquals(List.of("DNS resolver", "DNS", "error budget", "SLO", "PagerDuty"), page.select(".prose a.glossary-term, article a.glossary-term").eachText().stream().distinct().toList());
    assertEquals("../../glossary/#term-slo", page.select("a.glossary-term:contains(SLO)").attr("href"));
    assertTrue(page.select("a.glossary-term:contains(SLO)").attr("title").startsWith("Service level objective: the share"));
    assertTrue(page.select("h2 a.glossary-term, code a.glossary-term, pre a.glossary-term").isEmpty());
  }

  @Test
  void theGlossaryPageListsTermsWithSanitizedDefinitionsAndIsInTheSitemap() throws IOException {
    Path site = build();
    Document glossary = Jsoup.parse(Files.readString(site.resolve("glossary/index.html")));
    assertEquals(List.of("term-dns", "term-dns-resolver", "term-error-budget", "term-pagerduty", "term-slo"),
        glossary.select(".glossary__entry").eachAttr("id"));
    assertFalse(glossary.select(".glossary").html().contains("<script"), glossary.select(".glossary").html());
    assertEquals("#term-error-budget", glossary.select("#term-slo .glossary__see a").attr("href"));
    assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>https://incidents.example.com/glossary/</loc>"));
  }

  @Test
  void servicesAndTeamsShowTheirCatalogEntriesAndTheirDescriptionsOnHoverInTheFacts() throws IOException {
    Path site = build();
    Document checkout = Jsoup.parse(Files.readString(site.resolve("services/checkout/index.html")));
    assertEquals("Basket to order.", checkout.select(".page-header__lead").text(), "casebook.yml wins over the catalog file");
    assertEquals("Owned by payments", checkout.select(".term-catalog__owner").text());
    assertEquals("../../teams/payments/", checkout.select(".term-catalog__owner a").attr("href"));
    assertEquals(List.of("runbook", "repository", "dashboard"), checkout.select(".term-catalog__links a").eachText());
    Document writeUp = Jsoup.parse(Files.readString(site.resolve("incidents/INC-2024-001/index.html")));
    assertEquals(List.of("Basket to order. (owned by payments)", "The order lifecycle and the orders database. (owned by data)"),
        writeUp.select(".facts dd a[href*=services/]").eachAttr("title"));
    assertEquals("Owns checkout and the payment providers' integrations.",
        writeUp.select(".facts dd a[href*=teams/payments/]").attr("title"));
  }
}
