package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.validate.LibraryFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long slug ids, as real libraries converted from elsewhere have them, check and build. */
class LongIdsTest {
  @TempDir Path tmp;

  /** 75 characters, as found in a public collection of postmortems. */
  static final String SLUG_ID = "dfds-pm2021-008-kubernetes-ingress-controller-traefik-v2-configuration-caus";
  /** Exactly the limit. */
  static final String LONGEST_ID = "a" + "-b".repeat(63) + "c";

  private static void write(Path library, String file, String id, String title, String body) throws IOException {
    Path p = library.resolve("incidents").resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "---\nid: " + id + "\ntitle: " + title + "\ndate: 2024-03-05\n---\n\n" + body + "\n");
  }

  @Test
  void idsUpToTheLimitCheckBuildAndLinkToEachOther() throws IOException {
    assertEquals(75, SLUG_ID.length());
    assertEquals(128, LONGEST_ID.length());
    Path library = tmp.resolve("library");
    write(library, SLUG_ID + ".md", SLUG_ID, "Traefik v2 configuration", "See [the longest](" + LONGEST_ID + ").");
    write(library, "longest.md", LONGEST_ID, "The longest id", "As in " + SLUG_ID + ".");

    LibraryFixtures.Run check = LibraryFixtures.run("check", "--source", library.toString());
    assertEquals("", check.out());
    assertEquals(0, check.exitCode(), check.err());

    Path site = tmp.resolve("site");
    LibraryFixtures.Run build = LibraryFixtures.run("build", "--source", library.toString(), "--out", site.toString());
    assertEquals(0, build.exitCode(), build.out() + build.err());
    Document slug = Jsoup.parse(Files.readString(site.resolve("incidents/" + SLUG_ID + "/index.html")));
    assertTrue(slug.select("main a").eachAttr("href").contains("../" + LONGEST_ID + "/"), slug.select("main").html());
    Document longest = Jsoup.parse(Files.readString(site.resolve("incidents/" + LONGEST_ID + "/index.html")));
    assertTrue(longest.select("main a").eachAttr("href").contains("../" + SLUG_ID + "/"), longest.select("main").html());
  }

  @Test
  void anIdOverTheLimitIsReportedAtItsKeyWithItsLength(@TempDir Path tmp) throws IOException {
    Path library = tmp.resolve("library");
    String id = "x".repeat(129);
    write(library, "too-long.md", id, "Too long", "Body.");

    LibraryFixtures.Run check = LibraryFixtures.run("check", "--source", library.toString());

    assertEquals(List.of("incidents/too-long.md:2:1: error: id is 129 characters long; at most 128"), check.outLines());
    assertEquals(1, check.exitCode());
  }
}
