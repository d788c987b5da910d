package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.casebook.render.view.ContentView;
import dev.casebook.render.view.DesignPage;
import dev.casebook.render.view.PageContext;
import dev.casebook.render.view.PageInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
  @TempDir Path themeFolder;

  private String render(String template, Object model) throws Exception {
    Files.writeString(themeFolder.resolve("probe.ftlh"), template);
    TemplateEngine engine = new TemplateEngine(Theme.load(themeFolder));
    return new String(engine.renderUtf8("probe.ftlh", model), StandardCharsets.UTF_8);
  }

  private static DesignPage page(String html) {
    PageContext context = new PageContext(null, "../../assets/", "", new PageInfo("design", "Queues <v2>", "", "design/q/", ""),
        "../../");
    return new DesignPage(context, null, new ContentView(html, List.of(), 3, 1, false), List.of(), List.of());
  }

  @Test
  void aPageModelsComponentsAndItsContextsAreTheTemplatesNames() throws Exception {
    assertEquals("design|Queues &lt;v2&gt;|../../|../../assets/|3|0",
        render("${page.kind}|${page.title}|${root}|${assets}|${content.wordCount}|${cites?size}", page("<p>x</p>")));
  }

  @Test
  void nothingElseIsReachableFromTheTopLevel() throws Exception {
    assertEquals("no context|no class|no design",
        render("${context???then('context', 'no context')}|${class???then('class', 'no class')}|"
            + "${design???then('design', 'no design')}", page("")));
  }

  @Test
  void valuesAreEscapedAsHtml() throws Exception {
    assertEquals("&lt;p&gt;x&lt;/p&gt;", render("${content.html}", page("<p>x</p>")));
    assertThrows(TemplateEngine.TemplateFailure.class, () -> render("${missing.value}", page("")));
  }
}
