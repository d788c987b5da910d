package dev.casebook.load;

import java.util.List;

/**
 * Everything read from a library's content folders, sorted by path.
 *
 * @param designDocuments the design documents of the library's design folders
 */
public record LibrarySources(
    List<SourceDocument> documents, List<AssetFile> assets, String contentFolder, List<SourceDocument> designDocuments) {
  public LibrarySources {
    documents = List.copyOf(documents);
    assets = List.copyOf(assets);
    designDocuments = List.copyOf(designDocuments);
  }
}
