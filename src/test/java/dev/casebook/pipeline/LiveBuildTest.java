package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates in place, on the sample library: after every kind of change (edit, add, rename, delete,
 * a breaking edit and its fix, an image, casebook.yml) the site is byte for byte the site a full
 * build of the changed library makes, and the update wrote exactly the files whose bytes changed:
 * nothing else.
 */
class LiveBuildTest {
  static final String FAILOVER = "incidents/2023/INC-2023-014-primary-db-failover.md";
  static final String FAILOVER_PAGE = "incidents/INC-2023-014/index.html";

  @TempDir Path tmp;
  Path library;
  Path site;
  LiveBuild live;
  Map<String, byte[]> before;
  /** What the last update told the open pages, in order. */
  List<LiveBuild.PagesWritten> told = List.of();

  @BeforeEach
  void build() throws IOException {
    library = Fixtures.sampleLibraryCopy(tmp.resolve("library"));
    site = tmp.resolve("site");
    live = new LiveBuild(options(site));
    BuildResult result = live.full(BuildProgress.NONE);
    assertTrue(result.written(), () -> result.diagnostics().toString());
    before = Fixtures.files(site);
  }

  BuildOptions options(Path out) {
    return new BuildOptions(library, out, false, null);
  }

  /** What an update did, checked against a full build of the same library. */
  record Change(BuildResult result, Set<String> written, Set<String> deleted, Set<String> differing) {}

  /** Runs an update after {@code changed}; asserts the site equals a full build's and that only changed files were written. */
  Change update(String... changed) throws IOException {
    Set<Path> paths = Arrays.stream(changed).map(library::resolve).collect(Collectors.toSet());
    told = new ArrayList<>();
    BuildResult result = live.update(paths, told::add);
    assertTrue(result.written(), () -> "update failed: " + result.diagnostics());
    assertFalse(told.isEmpty(), "the open pages are told");
    Map<String, byte[]> after = Fixtures.files(site);

    Path reference = tmp.resolve("reference");
    Fixtures.deleteTree(reference);
    BuildResult full = new LiveBuild(options(reference)).full(BuildProgress.NONE);
    assertTrue(full.written(), () -> full.diagnostics().toString());
    assertEquals(full.diagnostics(), result.diagnostics(), "the same problems as a full build");
    assertSameSite(Fixtures.files(reference), after);

    Set<String> differing = new TreeSet<>();
    for (String path : union(before.keySet(), after.keySet())) {
      byte[] a = before.get(path);
      byte[] b = after.get(path);
      if (a == null || b == null || !Arrays.equals(a, b)) differing.add(path);
    }
    Set<String> touched = new TreeSet<>(live.lastWritten());
    touched.addAll(live.lastDeleted());
    if (touched.size() == after.size()) {
      assertTrue(touched.containsAll(differing), "a full build wrote every file");
      assertEquals(List.of(LiveBuild.PagesWritten.all()), told, "every open page reloads after a full build");
    } else {
      assertEquals(differing, touched, "the update wrote or deleted exactly the files whose bytes changed");
      Set<String> reloaded = new TreeSet<>();
      told.forEach(t -> reloaded.addAll(t.pages()));
      assertEquals(differing.stream().filter(p -> p.endsWith(".html")).collect(Collectors.toSet()), reloaded,
          "exactly the open pages that changed reload");
    }
    before = after;
    return new Change(result, live.lastWritten(), live.lastDeleted(), differing);
  }

  static void assertSameSite(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet(), "the same files as a full build");
    for (String path : expected.keySet()) {
      assertTrue(Arrays.equals(expected.get(path), actual.get(path)), () -> path + " differs from a full build's");
    }
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  void edit(String path, java.util.function.UnaryOperator<String> change) throws IOException {
    Path file = library.resolve(path);
    Files.writeString(file, change.apply(Files.readString(file)), StandardCharsets.UTF_8);
  }

  static Set<String> pages(Change c) {
    return c.written().stream().filter(p -> p.endsWith(".html")).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void editingABodyRewritesItsPageAndItsSearchFilesOnly() throws IOException {
    edit(FAILOVER, text -> text + "\nThe replica lag alert was tuned afterwards.\n");
    Change c = update(FAILOVER);
    assertEquals(Set.of(FAILOVER_PAGE), pages(c));
    assertEquals(Set.of(FAILOVER_PAGE), live.lastRendered(), "only its page's values changed");
    assertTrue(c.written().stream().allMatch(p -> p.equals(FAILOVER_PAGE) || p.startsWith("assets/search/")), c.written()::toString);
    assertTrue(c.written().stream().anyMatch(p -> p.startsWith("assets/search/body-")), "the body index's partitions");
    assertTrue(c.written().stream().anyMatch(p -> p.startsWith("assets/search/text-")), "its text file");
    assertFalse(c.written().stream().anyMatch(p -> p.startsWith("assets/search/fields-") || p.startsWith("assets/search/docs-")),
        "the short fields' index and the document store hold no body text");
    assertTrue(Files.readString(site.resolve(FAILOVER_PAGE)).contains("The replica lag alert was tuned afterwards."));
  }

  @Test
  void savingAnUnchangedFileWritesNothing() throws IOException {
    edit(FAILOVER, text -> text);
    Change c = update(FAILOVER);
    assertEquals(Set.of(), c.written());
    assertEquals(Set.of(), live.lastRendered(), "no page's values changed");
    assertEquals(0, c.result().pages());
  }

  @Test
  void editingATitleRewritesThePagesThatShowIt() throws IOException {
    edit(FAILOVER, text -> text.replace("title: Orders database failover left writes pointed at the old primary",
        "title: Orders database failover kept writes on the demoted primary"));
    Change c = update(FAILOVER);
    Set<String> pages = pages(c);
    assertTrue(pages.containsAll(Set.of(FAILOVER_PAGE, "incidents/index.html", "services/orders/index.html",
        "tags/failover/index.html", "teams/data-infra/index.html", "years/2023/index.html", "citations/index.html")), pages::toString);
    // The write-up it relates to shows its title under "Referenced by"; the one it does not touch is left alone.
    assertTrue(pages.contains("incidents/INC-2022-004/index.html"), pages::toString);
    assertFalse(pages.contains("incidents/INC-2025-008/index.html"), pages::toString);
    // Only the write-up pages that show the title are made again: each page is derived from what it reads.
    Set<String> renderedWriteUps = live.lastRendered().stream().filter(p -> p.startsWith("incidents/INC-")).collect(Collectors.toSet());
    assertEquals(pages.stream().filter(p -> p.startsWith("incidents/INC-")).collect(Collectors.toSet()), renderedWriteUps);
    assertTrue(c.written().stream().anyMatch(p -> p.startsWith("assets/search/fields-")), "titles are in the short fields' index");
    assertTrue(c.written().stream().anyMatch(p -> p.startsWith("assets/search/docs-")), "and in the document store");
    assertTrue(c.written().contains("feed.xml"));
    // The edited write-up's page is in place first and reloads alone, then the other pages that show
    // its title (the write-up it relates to, the design document that cites it), then the listings.
    assertEquals(3, told.size(), told::toString);
    assertEquals(Set.of(FAILOVER_PAGE), told.get(0).pages(), told::toString);
    assertTrue(told.get(1).pages().containsAll(Set.of("incidents/INC-2022-004/index.html", "incidents/INC-2025-013/index.html",
        "design/0007-read-your-writes-for-stock/index.html")), told::toString);
    assertFalse(told.get(1).pages().contains(FAILOVER_PAGE) || told.get(1).pages().contains("incidents/index.html"), told::toString);
    assertTrue(told.get(2).pages().containsAll(Set.of("incidents/index.html", "services/orders/index.html")), told::toString);
  }

  @Test
  void aWriteUpLinkingToAListingTheUpdateAddsReloadsWithThatListing() throws IOException {
    edit("casebook.yml", text -> text.replace("  tags:\n    - alerting\n", "  tags:\n    - alerting\n    - brand-new-tag\n"));
    update("casebook.yml");
    edit(FAILOVER, text -> text.replace("tags: [database, failover, dns, runbooks]",
        "tags: [database, failover, dns, runbooks, brand-new-tag]"));
    Change c = update(FAILOVER);
    assertTrue(pages(c).containsAll(Set.of(FAILOVER_PAGE, "tags/brand-new-tag/index.html")), () -> pages(c).toString());
    // Its page links to the tag's page, which the listings make after the write-up pages: the page
    // is not shown before the page it links to exists, but with it.
    assertEquals(1, told.size(), told::toString);
    assertTrue(told.get(0).pages().containsAll(Set.of(FAILOVER_PAGE, "tags/brand-new-tag/index.html")), told::toString);
  }

  @Test
  void aListingThatFailsToRenderTakesBackTheWriteUpPagesPutInPlaceBeforeIt() throws IOException {
    // A theme whose table of all write-ups fails on one title: the edit's own page renders, the table does not.
    String table = Files.readString(Fixtures.sampleLibrary().resolve("site-template/incidents.ftlh"));
    Files.createDirectories(library.resolve("site-template"));
    Files.writeString(library.resolve("site-template/incidents.ftlh"),
        table.replace("<#list incidents as i>", "<#list incidents as i><#if i.title?contains(\"BOOM\")>${i.noSuchValue}</#if>"));
    live = new LiveBuild(options(site));
    assertTrue(live.full(BuildProgress.NONE).written());
    before = Fixtures.files(site);

    edit(FAILOVER, text -> text.replace("title: Orders database failover", "title: BOOM Orders database failover"));
    List<LiveBuild.PagesWritten> reloads = new ArrayList<>();
    BuildResult result = live.update(Set.of(library.resolve(FAILOVER)), reloads::add);
    assertFalse(result.written());
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.isError() && d.position().file().equals("site-template/incidents.ftlh")),
        result.diagnostics()::toString);
    // The edited page, then the pages that show its title, were put in place, then taken back.
    assertEquals(2, reloads.size(), reloads::toString);
    assertEquals(Set.of(FAILOVER_PAGE), reloads.get(0).pages());
    assertTrue(reloads.get(1).pages().contains("incidents/INC-2022-004/index.html"), reloads::toString);
    assertSameSite(before, Fixtures.files(site));

    edit(FAILOVER, text -> text.replace("title: BOOM Orders database failover", "title: Orders database failover"));
    Change fixed = update(FAILOVER);
    assertEquals(Set.of(), fixed.written(), "the site is as it was");
  }

  @Test
  void addingThenDeletingAWriteUp() throws IOException {
    String path = "incidents/2025/INC-2025-030-replica-promoted-twice.md";
    Files.writeString(library.resolve(path), """
        ---
        id: INC-2025-030
        title: A replica was promoted twice during a network partition
        date: 2025-10-02
        status: published
        summary: Two nodes believed they were primary for 40 seconds; the fencing script ran on one of them only.
        severity: SEV2
        owner: data-infra
        services: [orders]
        tags: [database, failover]
        related: [INC-2023-014]
        ---

        ## What happened

        The same failover path as INC-2023-014, seen from the other side.
        """);
    Change added = update(path);
    Set<String> pages = pages(added);
    assertTrue(pages.containsAll(Set.of("incidents/INC-2025-030/index.html", FAILOVER_PAGE, "index.html", "incidents/index.html",
        "services/orders/index.html", "tags/database/index.html", "years/2025/index.html")), pages::toString);
    assertFalse(pages.contains("incidents/INC-2022-011/index.html"), "an unrelated write-up: " + pages);

    Files.delete(library.resolve(path));
    Change deleted = update(path);
    assertTrue(deleted.deleted().contains("incidents/INC-2025-030/index.html"), deleted.deleted()::toString);
    assertFalse(Files.exists(site.resolve("incidents/INC-2025-030")), "its folder is gone");
    assertSameSite(Fixtures.files(tmp.resolve("reference")), Fixtures.files(site));
  }

  @Test
  void renamingAWriteUpMovesItsEditLink() throws IOException {
    String from = "incidents/2025/INC-2025-008-sessions-evicted-from-shared-redis.md";
    String to = "incidents/2025/INC-2025-008-sessions-evicted.md";
    Files.move(library.resolve(from), library.resolve(to));
    Change c = update(from, to);
    assertEquals(Set.of("incidents/INC-2025-008/index.html"), pages(c));
    assertTrue(Files.readString(site.resolve("incidents/INC-2025-008/index.html")).contains("INC-2025-008-sessions-evicted.md"));
  }

  @Test
  void aDesignDocumentIsLinkedAgainWhenItChangesOrAFileItLinksToMoves() throws IOException {
    String design = "design/0007-read-your-writes-for-stock.md";
    edit(design, text -> text + "\nThe replica lag budget was revisited after INC-2023-014.\n");
    Change edited = update(design);
    assertTrue(pages(edited).contains("design/0007-read-your-writes-for-stock/index.html"), () -> pages(edited).toString());
    assertTrue(Files.readString(site.resolve("design/0007-read-your-writes-for-stock/index.html")).contains("budget was revisited"));

    // The design document links to this file by its path: once it moves, the link is broken, and
    // the update says so as a full build does (update() compares them), at the design document's line.
    String from = "incidents/2025/INC-2025-013-stale-stock-from-replica-lag.md";
    String to = "incidents/2025/INC-2025-013-stale-stock.md";
    Files.move(library.resolve(from), library.resolve(to));
    Change moved = update(from, to);
    assertTrue(moved.result().diagnostics().stream().anyMatch(d -> d.position().file().equals(design)
        && d.message().contains("INC-2025-013")), moved.result().diagnostics()::toString);
    assertTrue(pages(moved).contains("design/0007-read-your-writes-for-stock/index.html"), () -> pages(moved).toString());

    Files.move(library.resolve(to), library.resolve(from));
    update(from, to);
  }

  @Test
  void aWriteUpsNewTitleReplansTheDesignPagesThatCiteItAndNoOthers() throws IOException {
    String cited = "design/0007-read-your-writes-for-stock/index.html";
    String other = "design/0009-config-values-carry-units/index.html";
    edit(FAILOVER, text -> text.replaceFirst("(?m)^title: .*$", "title: \"Primary database failover left writes stranded\""));
    update(FAILOVER);
    Set<String> designPages = live.lastRendered().stream().filter(p -> p.startsWith("design/0")).collect(Collectors.toSet());
    assertEquals(Set.of(cited), designPages, "only the design page citing the write-up shows its title");
    assertTrue(Files.readString(site.resolve(cited)).contains("Primary database failover left writes stranded"));

    // A body edit changes nothing a design page shows of the write-up.
    edit(FAILOVER, text -> text + "\nThe replica lag alert was tuned afterwards.\n");
    update(FAILOVER);
    assertFalse(live.lastRendered().stream().anyMatch(p -> p.startsWith("design/0")), live.lastRendered()::toString);

    // The other design document, edited, is planned again by itself.
    edit("design/0009-config-values-carry-units.md", text -> text + "\nUnits are checked at load time now.\n");
    update("design/0009-config-values-carry-units.md");
    assertEquals(Set.of(other), live.lastRendered().stream().filter(p -> p.startsWith("design/0")).collect(Collectors.toSet()));
  }

  /**
   * An update told, during its index stage, that a newer change waits: its page is in place, the
   * search files are untouched, and the next update makes them as a full build of both changes does.
   */
  void stopTheIndexAfter(int checks) throws IOException {
    edit(FAILOVER, text -> text + "\nThe quorum witness was moved to a third zone afterwards.\n");
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    List<LiveBuild.PagesWritten> shown = new ArrayList<>();
    BuildResult stopped = live.update(Set.of(library.resolve(FAILOVER)), shown::add, () -> asked.incrementAndGet() > checks);
    assertTrue(stopped.written(), () -> stopped.diagnostics().toString());
    assertTrue(stopped.indexLeftForNextUpdate(), "the index stage stopped");
    assertTrue(asked.get() > checks, "the index stage asked whether to stop");
    assertTrue(shown.stream().anyMatch(s -> s.pages().contains(FAILOVER_PAGE)), "the edited page reloads");
    Map<String, byte[]> after = Fixtures.files(site);
    assertTrue(new String(after.get(FAILOVER_PAGE), StandardCharsets.UTF_8).contains("quorum witness was moved"));
    Set<String> search = union(before.keySet(), after.keySet()).stream().filter(p -> p.startsWith("assets/search/"))
        .collect(Collectors.toSet());
    for (String path : search) {
      assertTrue(before.containsKey(path) && after.containsKey(path) && Arrays.equals(before.get(path), after.get(path)),
          () -> path + " changed, though the index stage stopped");
    }
    before = after;

    String other = "incidents/2025/INC-2025-008-sessions-evicted-from-shared-redis.md";
    edit(other, text -> text + "\nEviction alerts now page the owning team.\n");
    Change next = update(other); // compares the whole site, search files included, with a full build
    assertFalse(next.result().indexLeftForNextUpdate());
    assertTrue(next.written().stream().anyMatch(p -> p.startsWith("assets/search/text-")), next.written()::toString);
  }

  @Test
  void anUpdateWhoseIndexStopsAtOnceLeavesTheSearchFilesToTheNextUpdate() throws IOException {
    stopTheIndexAfter(0);
  }

  @Test
  void anUpdateWhoseIndexStopsHalfwayLeavesTheSearchFilesToTheNextUpdate() throws IOException {
    stopTheIndexAfter(40);
  }

  @Test
  void aBrokenEditWritesNothingAndItsFixUpdatesTheSite() throws IOException {
    edit(FAILOVER, text -> text.replace("severity: SEV1", "severity: [SEV1"));
    BuildResult broken = live.update(Set.of(library.resolve(FAILOVER)), written -> { throw new AssertionError("no reload"); });
    assertFalse(broken.written());
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.position().file().equals(FAILOVER)),
        broken.diagnostics()::toString);
    assertSameSite(before, Fixtures.files(site));

    edit(FAILOVER, text -> text.replace("severity: [SEV1", "severity: SEV2"));
    Change fixed = update(FAILOVER);
    assertTrue(pages(fixed).contains(FAILOVER_PAGE));
  }

  @Test
  void aWriteUpWhoseFrontMatterIsNoLongerClosedIsTheOnlyFileWithAnErrorAndItsFixUpdatesTheSite() throws IOException {
    String closed = Files.readString(library.resolve(FAILOVER));
    edit(FAILOVER, text -> text.replaceFirst("(?s)\\A(---\n.*?\n)---\n", "$1\n"));
    BuildResult broken = live.update(Set.of(library.resolve(FAILOVER)), written -> { throw new AssertionError("no reload"); });
    assertFalse(broken.written());
    List<String> errors = broken.diagnostics().stream().filter(d -> d.isError()).map(Object::toString).toList();
    assertEquals(List.of(FAILOVER + ":1: error: unterminated front matter (close it with a '---' line before the body)"), errors);
    List<String> notes = broken.diagnostics().stream().filter(d -> !d.isError()).map(Object::toString).toList();
    assertFalse(notes.isEmpty(), "the write-ups citing it are told where the error is");
    assertTrue(notes.stream().allMatch(n -> n.contains(": note: ") && n.endsWith("(see " + FAILOVER + ":1)")), notes::toString);

    Files.writeString(library.resolve(FAILOVER), closed, StandardCharsets.UTF_8);
    Change fixed = update(FAILOVER);
    assertEquals(List.of(), fixed.result().diagnostics());
  }

  @Test
  void aCitationAddedInABodyShowsOnTheCitedPage() throws IOException {
    edit(FAILOVER, text -> text + "\n\nThe same resolver cache bit us again in INC-2022-011.\n");
    Change c = update(FAILOVER);
    assertTrue(pages(c).containsAll(Set.of(FAILOVER_PAGE, "incidents/INC-2022-011/index.html", "citations/index.html")),
        pages(c)::toString);
    assertTrue(c.written().contains("citations.json"));
    assertTrue(Files.readString(site.resolve("incidents/INC-2022-011/index.html")).contains("The same resolver cache bit us again"));
  }

  @Test
  void changingAnImageCopiesOnlyIt() throws IOException {
    String image = "incidents/2024/INC-2024-003/queue-depth.svg";
    edit(image, svg -> svg.replace("</svg>", "<!-- redrawn --></svg>"));
    Change c = update(image);
    assertEquals(1, c.written().size(), c.written()::toString);
    assertTrue(c.written().iterator().next().endsWith("queue-depth.svg"));
  }

  @Test
  void changingTheConfigurationBuildsEverything() throws IOException {
    edit("casebook.yml", yml -> yml.replace("title: Larkspur Incident Library", "title: Larkspur Incidents"));
    Change c = update("casebook.yml");
    assertEquals(before.keySet(), c.written(), "a full build writes every file");
  }

  /** Runs an update that must fail; asserts it reports what a full build reports and leaves the site as it was. */
  BuildResult failedUpdate(String changed) throws IOException {
    BuildResult result = live.update(Set.of(library.resolve(changed)), written -> { throw new AssertionError("no reload"); });
    assertFalse(result.written());
    Path reference = tmp.resolve("reference");
    Fixtures.deleteTree(reference);
    assertEquals(new LiveBuild(options(reference)).full(BuildProgress.NONE).diagnostics(), result.diagnostics(), "the same problems as a full build");
    assertSameSite(before, Fixtures.files(site));
    return result;
  }

  @Test
  void aRelatedIdAddedShowsOnTheRelatedPage() throws IOException {
    edit(FAILOVER, text -> text.replace("related: [INC-2022-004]", "related: [INC-2022-004, INC-2025-008]"));
    Change c = update(FAILOVER);
    assertTrue(pages(c).containsAll(Set.of(FAILOVER_PAGE, "incidents/INC-2025-008/index.html", "citations/index.html")),
        pages(c)::toString);
    assertFalse(pages(c).contains("incidents/INC-2022-011/index.html"), pages(c)::toString);
  }

  @Test
  void anUnknownRelatedIdFailsTheUpdateUntilFixed() throws IOException {
    edit(FAILOVER, text -> text.replace("related: [INC-2022-004]", "related: [INC-2022-040]"));
    BuildResult broken = failedUpdate(FAILOVER);
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.position().file().equals(FAILOVER)
        && d.position().line() == 19 && d.message().contains("unknown incident id 'INC-2022-040'")), broken.diagnostics()::toString);

    edit(FAILOVER, text -> text.replace("related: [INC-2022-040]", "related: [INC-2022-004]"));
    Change fixed = update(FAILOVER);
    assertEquals(Set.of(), fixed.written(), "the site was never changed");
  }

  @Test
  void anIdTakenFromAnotherWriteUpFailsTheUpdate() throws IOException {
    String other = "incidents/2025/INC-2025-008-sessions-evicted-from-shared-redis.md";
    edit(other, text -> text.replace("id: INC-2025-008", "id: INC-2023-014"));
    BuildResult broken = failedUpdate(other);
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.message().contains("duplicate id")),
        broken.diagnostics()::toString);
  }

  @Test
  void aLinkRemovedFromABodyLeavesTheCitedPage() throws IOException {
    edit(FAILOVER, text -> text + "\n\nThe same resolver cache bit us again in INC-2022-011.\n");
    update(FAILOVER);
    edit(FAILOVER, text -> text.replace("\n\nThe same resolver cache bit us again in INC-2022-011.\n", ""));
    Change c = update(FAILOVER);
    assertTrue(pages(c).contains("incidents/INC-2022-011/index.html"), pages(c)::toString);
    assertFalse(Files.readString(site.resolve("incidents/INC-2022-011/index.html")).contains("The same resolver cache bit us again"));
  }

  static final String PAYMENTS_PATH = "paths/payments-on-call.md";

  @Test
  void editingAStepsReasonRewritesThePathsPageAndThatStepsPageOnly() throws IOException {
    edit(PAYMENTS_PATH, text -> text.replace("The most recent SEV1 of the rotation;", "The latest SEV1 on the rotation;"));
    Change c = update(PAYMENTS_PATH);
    assertEquals(Set.of("paths/payments-on-call/index.html", "incidents/INC-2025-002/index.html"), pages(c));
    // The neighbouring steps show the step's title, not its reason: they are not even rendered again.
    assertEquals(Set.of("incidents/INC-2025-002/"), live.lastRendered().stream().filter(p -> p.startsWith("incidents/INC-"))
        .map(p -> p.replace("index.html", "")).collect(Collectors.toSet()));
    assertTrue(Files.readString(site.resolve("incidents/INC-2025-002/index.html")).contains("The latest SEV1 on the rotation;"));
  }

  @Test
  void addingThenDeletingAPath() throws IOException {
    String path = "paths/dispatch-on-call.md";
    Files.writeString(library.resolve(path), """
        ---
        title: Dispatch on-call
        audience: new on-call for logistics
        steps:
          - {id: INC-2024-003, reason: The backlog every dispatch engineer should recognise.}
          - {id: INC-2022-004, reason: A reminder that DNS changes are changes.}
        ---
        Two write-ups before your first shift.
        """);
    Change added = update(path);
    assertEquals(Set.of("paths/dispatch-on-call/index.html", "paths/index.html", "index.html",
        "incidents/INC-2024-003/index.html", "incidents/INC-2022-004/index.html"), pages(added));
    assertTrue(Files.readString(site.resolve("incidents/INC-2024-003/index.html"))
        .contains("1 of 2 in <a href=\"../../paths/dispatch-on-call/\">Dispatch on-call</a>"));

    // A step moved: both write-ups show their new place.
    edit(path, text -> text.replace("INC-2024-003, reason", "INC-2023-003, reason"));
    Change moved = update(path);
    assertTrue(pages(moved).containsAll(Set.of("paths/dispatch-on-call/index.html", "incidents/INC-2024-003/index.html",
        "incidents/INC-2023-003/index.html", "incidents/INC-2022-004/index.html")), pages(moved)::toString);
    assertFalse(Files.readString(site.resolve("incidents/INC-2024-003/index.html")).contains("Dispatch on-call"));

    Files.delete(library.resolve(path));
    Change deleted = update(path);
    assertTrue(deleted.deleted().contains("paths/dispatch-on-call/index.html"), deleted.deleted()::toString);
    assertFalse(Files.readString(site.resolve("incidents/INC-2023-003/index.html")).contains("Dispatch on-call"));
  }

  @Test
  void aPathStepWithAnUnknownIdFailsTheUpdateUntilFixed() throws IOException {
    edit(PAYMENTS_PATH, text -> text.replace("  - id: INC-2024-028", "  - id: INC-2024-082"));
    BuildResult broken = failedUpdate(PAYMENTS_PATH);
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.position().toString().equals(PAYMENTS_PATH + ":11:9")
        && d.message().equals("unknown incident id 'INC-2024-082' in 'steps'")), broken.diagnostics()::toString);

    edit(PAYMENTS_PATH, text -> text.replace("  - id: INC-2024-082", "  - id: INC-2024-028"));
    assertEquals(Set.of(), update(PAYMENTS_PATH).written(), "the site was never changed");
  }

  @Test
  void aGlossaryFileOrABackstageCatalogFileChangesThePagesThatShowIt() throws IOException {
    Path term = library.resolve("glossary/blast-radius.md");
    Files.createDirectories(term.getParent());
    Files.writeString(term, "---\nterm: blast radius\n---\n\nHow much of the system one failure reaches.\n");
    update("glossary/blast-radius.md");
    Path catalog = library.resolve("code/dispatch/catalog-info.yaml");
    String text = Files.readString(catalog, StandardCharsets.UTF_8);
    assertTrue(text.contains("description:"), text);
    Files.writeString(catalog, text.replaceFirst("description: .*", "description: Hands orders to couriers, now in two regions."));
    Change c = update("code/dispatch/catalog-info.yaml");
    assertFalse(c.differing().isEmpty(), "the service's description shows on its pages");
  }

  @Test
  void aWriteUpThatBecomesAlikeToAnotherJoinsItsReadNextOnUpdate() throws IOException {
    String evictions = "incidents/INC-2024-009/index.html";
    assertFalse(readNext(evictions).contains("INC-2023-014"));
    edit(FAILOVER, text -> text.replace("services: [orders, checkout]", "services: [notifications, identity, dispatch]")
        .replace("tags: [database, failover, dns, runbooks]", "tags: [kubernetes, resource-pressure]"));
    Change c = update(FAILOVER);
    assertTrue(pages(c).contains(evictions), "the page it became alike to is made again: " + pages(c));
    assertEquals("INC-2023-014: same services: notifications, identity…; also tagged kubernetes, resource-pressure",
        readNext(evictions).get(0));
  }

  /** The read-next entries of a page as "ID: reason". */
  List<String> readNext(String page) throws IOException {
    org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(Files.readString(site.resolve(page)));
    return doc.select(".read-next__item").stream()
        .map(li -> li.selectFirst(".read-next__title").attr("href").replaceAll(".*/(INC-[0-9-]+)/$", "$1") + ": "
            + li.selectFirst(".read-next__reason").text())
        .toList();
  }
}
