package dev.casebook.model;

import dev.casebook.config.SiteConfig;
import dev.casebook.load.AssetFile;
import java.util.Comparator;
import java.util.List;

/**
 * The validated library: its settings, its write-ups (newest first, then by id) and the files
 * copied beside them.
 */
public record Library(SiteConfig config, List<Incident> incidents, List<AssetFile> assets, String contentFolder) {

  public static final Comparator<Incident> NEWEST_FIRST =
      Comparator.comparing(Incident::date).reversed().thenComparing(Incident::id);

  public Library {
    incidents = incidents.stream().sorted(NEWEST_FIRST).toList();
    assets = List.copyOf(assets);
  }

  /** The content folder as a path prefix: {@code incidents/}, or empty when it is the library root. */
  public String contentPrefix() {
    return contentFolder.isEmpty() ? "" : contentFolder + "/";
  }
}
