package dev.casebook.search;

/**
 * A term's entry in the inverted index, filled while documents are added. Per field it lists the
 * documents (by the order they were added) whose field contains the term and, when metadata is
 * kept, each occurrence as a (start, length, index) triple, -1 where the token had none.
 */
final class Posting {
  final String term;
  /** lunr's {@code _index}: the order in which terms first appeared. */
  final int index;
  /** Documents per field, in the order they were added; null for a field without the term. */
  final IntList[] documents;
  /** Per field, where each document's occurrences start in {@link #occurrences}; null without metadata. */
  final IntList[] occurrenceStarts;
  /** Per field, the flattened occurrence triples; null without metadata. */
  final IntList[] occurrences;
  /**
   * Per field, the term's weight in each document of {@link #documents}, in the same order: the
   * field vectors' entries seen from the term. Set when the index is built; null for a field without the term.
   */
  double[][] weights;
  /** How many (field, document) pairs contain the term: lunr's idf counts these, not documents. */
  int fieldDocumentCount;
  /** The (document, field) being added that last contained the term, and the term's slot there. */
  int lastFieldRef = -1;
  int slot;

  Posting(String term, int index, int fieldCount, boolean keepOccurrences) {
    this.term = term;
    this.index = index;
    this.documents = new IntList[fieldCount];
    this.occurrenceStarts = keepOccurrences ? new IntList[fieldCount] : null;
    this.occurrences = keepOccurrences ? new IntList[fieldCount] : null;
  }

  /** Records that {@code document}'s field {@code field} contains the term. */
  void addDocument(int field, int document) {
    if (documents[field] == null) documents[field] = new IntList(2);
    documents[field].add(document);
    fieldDocumentCount++;
    if (occurrences != null) {
      if (occurrences[field] == null) {
        occurrences[field] = new IntList(6);
        occurrenceStarts[field] = new IntList(2);
      }
      occurrenceStarts[field].add(occurrences[field].size());
    }
  }

  /** Records one occurrence in the document last added for {@code field}. */
  void addOccurrence(int field, int start, int length, int tokenIndex) {
    IntList list = occurrences[field];
    list.add(start);
    list.add(length);
    list.add(tokenIndex);
  }

  /** The number of documents whose {@code field} contains the term. */
  int documentCount(int field) {
    return documents[field] == null ? 0 : documents[field].size();
  }
}
