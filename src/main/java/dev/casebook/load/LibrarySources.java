package dev.casebook.load;

import dev.casebook.model.AssetFile;
import java.util.List;

/**
 * Everything read from a library's content folders, sorted by path.
 *
 * @param designDocuments the design documents of the library's design folders
 * @param unread the write-ups that could not be read but whose id is still legible
 * @param pathDocuments the reading paths of the library's paths folder
 */
public record LibrarySources(
    List<SourceDocument> documents, List<AssetFile> assets, String contentFolder, List<SourceDocument> designDocuments,
    List<UnreadDocument> unread, List<SourceDocument> pathDocuments) {
  public LibrarySources {
    documents = List.copyOf(documents);
    unread = List.copyOf(unread);
    assets = List.copyOf(assets);
    designDocuments = List.copyOf(designDocuments);
    pathDocuments = List.copyOf(pathDocuments);
  }
}
