package dev.casebook.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of code host Casebook knows the permalink form of. Each has a template for a link
 * pinned to a commit and one for a link to a branch.
 */
public enum CodeHost {
  GITHUB("{url}/blob/{commit}/{path}#L{start}-L{end}", "{url}/blob/{commit}/{path}#L{start}-L{end}"),
  GITLAB("{url}/-/blob/{commit}/{path}#L{start}-{end}", "{url}/-/blob/{commit}/{path}#L{start}-{end}"),
  GITEA("{url}/src/commit/{commit}/{path}#L{start}-L{end}", "{url}/src/branch/{commit}/{path}#L{start}-L{end}"),
  FORGEJO("{url}/src/commit/{commit}/{path}#L{start}-L{end}", "{url}/src/branch/{commit}/{path}#L{start}-L{end}"),
  BITBUCKET("{url}/src/{commit}/{path}#lines-{start}:{end}", "{url}/src/{commit}/{path}#lines-{start}:{end}");

  private final String pinned;
  private final String branch;

  CodeHost(String pinned, String branch) {
    this.pinned = pinned;
    this.branch = branch;
  }

  /** The name written in {@code casebook.yml}: {@code github}, {@code gitlab}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(CodeHost::word).toList();
  }

  public static Optional<CodeHost> parse(String word) {
    return Arrays.stream(values()).filter(h -> h.word().equals(word)).findFirst();
  }

  public PermalinkTemplate template() {
    return new PermalinkTemplate(pinned, branch);
  }

  /**
   * The host a repository URL obviously belongs to: github.com, gitlab.com or a host named
   * {@code gitlab.*}, bitbucket.org, codeberg.org (Forgejo), or a host named {@code gitea.*} or
   * {@code forgejo.*}.
   */
  public static Optional<CodeHost> infer(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("github.com") || host.endsWith(".github.com")) return Optional.of(GITHUB);
    if (host.equals("gitlab.com") || host.startsWith("gitlab.")) return Optional.of(GITLAB);
    if (host.equals("bitbucket.org")) return Optional.of(BITBUCKET);
    if (host.equals("codeberg.org") || host.startsWith("forgejo.")) return Optional.of(FORGEJO);
    if (host.equals("gitea.com") || host.startsWith("gitea.")) return Optional.of(GITEA);
    return Optional.empty();
  }
}
