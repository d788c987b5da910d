package dev.casebook.write;

import dev.casebook.config.CodeRepository;
import dev.casebook.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a folder may take the site: not inside a folder the build reads (the write-ups, the
 * design documents, the theme, the code checkouts), where the site would be read back into the
 * next build, and not the library itself or a folder around it.
 */
public final class OutputPlace {
  private OutputPlace() {}

  /** Why the site cannot go to {@code output}, or empty when it can. */
  public static Optional<String> problem(Path libraryRoot, SiteConfig config, Path output) {
    Path root = real(libraryRoot);
    Path out = real(output);
    if (root.startsWith(out)) {
      return Optional.of("the output folder '" + output + "' holds the library; choose a folder of its own, such as "
          + config.folders().output());
    }
    List<String[]> read = new ArrayList<>();
    Path incidents = root.resolve(config.folders().incidents()).normalize();
    if (Files.isDirectory(incidents)) {
      read.add(new String[] {config.folders().incidents(), "write-ups folder"});
    } else if (out.startsWith(root) && !skipped(root.relativize(out), config)) {
      // Without an incidents folder the whole library is read, but for hidden folders and the output folder.
      return Optional.of("the output folder '" + output + "' is inside the library, which is read as the write-ups "
          + "folder; use " + config.folders().output() + " or a folder whose name starts with _ or .");
    }
    for (String design : config.folders().design()) read.add(new String[] {design, "design folder"});
    read.add(new String[] {config.folders().templates(), "theme folder"});
    for (CodeRepository repo : config.code()) {
      if (repo.hasCheckout()) read.add(new String[] {repo.path(), "checkout of code repository '" + repo.name() + "'"});
    }
    for (String[] folder : read) {
      Path p = real(root.resolve(folder[0]));
      // A checkout that holds the whole library (path: .) is the library's own repository; its scan skips what git ignores.
      if (root.startsWith(p)) continue;
      if (out.startsWith(p)) {
        return Optional.of("the output folder '" + output + "' is inside the " + folder[1] + " '" + folder[0]
            + "', which the build reads: the site would be read back into the library; choose a folder outside it, such as "
            + config.folders().output());
      }
    }
    return Optional.empty();
  }

  /** Whether the loader leaves {@code relative} (a path inside the library) out of a whole-library walk. */
  private static boolean skipped(Path relative, SiteConfig config) {
    if (relative.toString().isEmpty()) return false;
    String first = relative.getName(0).toString();
    return first.startsWith(".") || first.startsWith("_") || relative.startsWith(Path.of(config.folders().output()).normalize());
  }

  /** {@code p} with the symbolic links of its longest existing part resolved. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return abs;
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
