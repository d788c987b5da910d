package dev.casebook.search;

/**
 * The BM25 weights of one field of one document, lunr's {@code fieldVectors} entry: term indices
 * in ascending order with their weights, rounded to 3 decimals.
 */
record FieldVector(int field, int document, int[] termIndices, double[] weights) {}
