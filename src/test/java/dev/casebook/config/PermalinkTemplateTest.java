package dev.casebook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermalinkTemplateTest {
  private static final String SHA = "3f2c1ab9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8";

  private static String link(CodeHost host, String commit, int start, int end) {
    return host.template().link("https://code.example/acme/shop/", commit, "main", "src/a b/Pool.java", start, end);
  }

  @Test
  void eachHostLinksToARangeOrOneLinePinnedToACommit() {
    assertEquals("https://code.example/acme/shop/blob/" + SHA + "/src/a%20b/Pool.java#L40-L58", link(CodeHost.GITHUB, SHA, 40, 58));
    assertEquals("https://code.example/acme/shop/blob/" + SHA + "/src/a%20b/Pool.java#L40", link(CodeHost.GITHUB, SHA, 40, 40));
    assertEquals("https://code.example/acme/shop/-/blob/" + SHA + "/src/a%20b/Pool.java#L40-58", link(CodeHost.GITLAB, SHA, 40, 58));
    assertEquals("https://code.example/acme/shop/-/blob/" + SHA + "/src/a%20b/Pool.java#L40", link(CodeHost.GITLAB, SHA, 40, 40));
    assertEquals("https://code.example/acme/shop/src/commit/" + SHA + "/src/a%20b/Pool.java#L40-L58", link(CodeHost.GITEA, SHA, 40, 58));
    assertEquals("https://code.example/acme/shop/src/commit/" + SHA + "/src/a%20b/Pool.java#L40", link(CodeHost.FORGEJO, SHA, 40, 40));
    assertEquals("https://code.example/acme/shop/src/" + SHA + "/src/a%20b/Pool.java#lines-40:58", link(CodeHost.BITBUCKET, SHA, 40, 58));
    assertEquals("https://code.example/acme/shop/src/" + SHA + "/src/a%20b/Pool.java#lines-40", link(CodeHost.BITBUCKET, SHA, 40, 40));
  }

  @Test
  void withoutACommitTheLinkPointsAtTheBranch() {
    assertEquals("https://code.example/acme/shop/blob/main/src/a%20b/Pool.java#L3-L4", link(CodeHost.GITHUB, null, 3, 4));
    assertEquals("https://code.example/acme/shop/src/branch/main/src/a%20b/Pool.java#L3", link(CodeHost.GITEA, null, 3, 3));
    assertEquals("https://code.example/acme/shop/src/main/src/a%20b/Pool.java#lines-3:4", link(CodeHost.BITBUCKET, null, 3, 4));
  }

  @Test
  void aCustomTemplateFillsItsPlaceholders() {
    PermalinkTemplate t = PermalinkTemplate.of("https://cgit.example/shop/tree/{path}?id={commit}#n{start}");
    assertEquals("https://cgit.example/shop/tree/lib/x.c?id=" + SHA + "#n7", t.link("https://cgit.example/shop", SHA, "main", "lib/x.c", 7, 9));
    assertEquals(List.of("sha", "line"), PermalinkTemplate.unknownPlaceholders("{url}/{sha}/{path}#{line}-{end}"));
  }

  @Test
  void theHostIsInferredFromWellKnownAddresses() {
    assertEquals(Optional.of(CodeHost.GITHUB), CodeHost.infer(URI.create("https://github.com/acme/shop")));
    assertEquals(Optional.of(CodeHost.GITLAB), CodeHost.infer(URI.create("https://gitlab.com/acme/shop")));
    assertEquals(Optional.of(CodeHost.GITLAB), CodeHost.infer(URI.create("https://gitlab.acme.example/shop")));
    assertEquals(Optional.of(CodeHost.BITBUCKET), CodeHost.infer(URI.create("https://bitbucket.org/acme/shop")));
    assertEquals(Optional.of(CodeHost.FORGEJO), CodeHost.infer(URI.create("https://codeberg.org/acme/shop")));
    assertEquals(Optional.of(CodeHost.GITEA), CodeHost.infer(URI.create("https://gitea.acme.example/shop")));
    assertEquals(Optional.empty(), CodeHost.infer(URI.create("https://git.acme.example/shop")));
  }
}
