package dev.casebook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkResolverTest {
  @Test
  void resolvesRelativePathsAgainstTheWriteUpsFolder() {
    assertEquals("incidents/2023/a.md", LinkResolver.normalize("incidents/2024", "../2023/a.md"));
    assertEquals("incidents/2024/img/x.png", LinkResolver.normalize("incidents/2024", "./img//x.png"));
    assertEquals("README.md", LinkResolver.normalize("incidents/2024", "../../README.md"));
  }

  @Test
  void refusesPathsThatClimbOutOfTheLibrary() {
    assertNull(LinkResolver.normalize("incidents/2024", "../../../etc/passwd"));
    assertNull(LinkResolver.normalize("", ".."));
  }

  @Test
  void makesUrlsRelativeToThePageTheyAreOn() {
    assertEquals("../INC-2/#x", LinkResolver.relative("incidents/INC-1/", "incidents/INC-2/#x"));
    assertEquals("./", LinkResolver.relative("incidents/INC-1/", "incidents/INC-1/"));
    assertEquals("../../", LinkResolver.relative("incidents/INC-1/", ""));
    assertEquals("../../media/2024/a.png", LinkResolver.relative("incidents/INC-1/", "media/2024/a.png"));
    assertEquals("incidents/", LinkResolver.relative("", "incidents/"));
  }
}
