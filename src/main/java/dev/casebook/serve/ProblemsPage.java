package dev.casebook.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the preview serves while it has no site to show: the first build is still running, or it
 * failed. The page lists the problems ({@code file:line:col: severity: message (hint)}) as text and
 * loads the live reload script, which shows newer problems in their place and reloads the page
 * once a build works.
 */
final class ProblemsPage {
  /** The attribute of the page's root element that tells the live reload script there is no site yet. */
  static final String NO_SITE = "data-casebook-no-site";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemsPage() {}

  /** The page for {@code problems} (what {@code DiagnosticFormat.JSON} prints); null while the first build runs. */
  static byte[] html(String problems) {
    JsonNode list = parse(problems);
    Document page = Document.createShell("");
    page.outputSettings().prettyPrint(false);
    page.child(0).attr("lang", "en").attr(NO_SITE, "");
    page.head().appendElement("meta").attr("charset", "utf-8");
    page.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    page.title(list == null ? "Building the site…" : "The site could not be built");
    page.body().attr("style", "margin:0;background:#2b1111");
    Element box = page.body().appendElement("div").id("casebook-problems").attr("role", "alert")
        .attr("style", "margin:0;padding:1rem 1.25rem;min-height:100vh;box-sizing:border-box;background:#2b1111;color:#ffe9e9;"
            + "border-top:4px solid #e5484d;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace");
    Element title = box.appendElement("p").attr("style", "margin:0 0 .5rem;font-weight:700;color:#fff");
    if (list == null) {
      title.text("The site is being built; this page shows it when it is ready.");
    } else {
      long errors = 0;
      for (JsonNode p : list) if ("error".equals(p.path("severity").asText())) errors++;
      title.text(title(errors));
      Element items = box.appendElement("ul").attr("style", "margin:0;padding:0;list-style:none");
      for (JsonNode p : list) {
        String severity = p.path("severity").asText("error");
        items.appendElement("li").addClass("casebook-problem").addClass("casebook-problem--" + severity)
            .attr("style", "margin:.25rem 0;white-space:pre-wrap").text(line(p));
      }
    }
    page.body().appendElement("script").attr("src", LiveReload.SCRIPT);
    return ("<!doctype html>" + page.outerHtml()).getBytes(StandardCharsets.UTF_8);
  }

  /** The heading over the problems, as live.js words it too. */
  static String title(long errors) {
    return "The site could not be built (" + errors + " error" + (errors == 1 ? "" : "s")
        + "). Fix the file and save; this page shows the site once the build works.";
  }

  /** One problem as {@code file:line:col: severity: message (hint)}. */
  static String line(JsonNode p) {
    int line = p.path("line").asInt(0);
    int column = p.path("column").asInt(0);
    String where = p.path("file").asText("") + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    String hint = p.path("hint").isTextual() && !p.path("hint").asText().isEmpty() ? " (" + p.path("hint").asText() + ")" : "";
    return where + ": " + p.path("severity").asText("error") + ": " + p.path("message").asText("") + hint;
  }

  private static JsonNode parse(String problems) {
    if (problems == null) return null;
    try {
      JsonNode list = JSON.readTree(problems);
      return list != null && list.isArray() ? list : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
