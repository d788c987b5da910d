package dev.casebook.render;

import java.text.Normalizer;
import java.util.Locale;

/** Makes URL path segments from names: {@code "Payments API"} gives {@code payments-api}. */
final class Slugs {
  private Slugs() {}

  static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) slug = "term-" + Integer.toHexString(name.hashCode());
    return slug;
  }
}
