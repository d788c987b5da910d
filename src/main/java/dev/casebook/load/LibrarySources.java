package dev.casebook.load;

import java.util.List;

/** Everything read from a library's content folder, sorted by path. */
public record LibrarySources(List<SourceDocument> documents, List<AssetFile> assets, String contentFolder) {
  public LibrarySources {
    documents = List.copyOf(documents);
    assets = List.copyOf(assets);
  }
}
