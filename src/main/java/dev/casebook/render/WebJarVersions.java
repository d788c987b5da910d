package dev.casebook.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: Casebook's own and the WebJars it ships. */
public final class WebJarVersions {
  private static final Properties PROPERTIES = load();
  public static final String CASEBOOK = PROPERTIES.getProperty("version", "dev");
  public static final String MERMAID = PROPERTIES.getProperty("mermaid");

  private WebJarVersions() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = WebJarVersions.class.getResourceAsStream("/dev/casebook/version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
