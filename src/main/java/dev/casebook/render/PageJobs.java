package dev.casebook.render;

import dev.casebook.diag.SourcePosition;
import dev.casebook.render.view.PageModel;
import dev.casebook.sitecheck.PageLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Makes the plan's outputs that templates render. An output holds its template, its values and
 * this, never the run that planned it, so an output kept for later runs keeps nothing else alive.
 * Belongs to one theme and configuration, as the render cache does.
 *
 * @param templatesFolder the library's folder of theme overrides, as diagnostics name it
 */
record PageJobs(TemplateEngine templates, Theme theme, String templatesFolder) {
  /** A page, feed or sitemap: its template and the values the template sees decide its bytes. */
  private record Page(String template, PageModel model) {}

  /** @param traced where in the library the URLs the page's body makes were written */
  SitePlan.Output output(String template, String path, PageModel model, Map<String, SourcePosition> traced) {
    return new SitePlan.Output(path, new Page(template, model), r -> render(r, template, path, model, traced));
  }

  private void render(SitePlan.Rendering r, String template, String path, PageModel model, Map<String, SourcePosition> traced)
      throws IOException {
    try {
      if (path.endsWith(".html")) {
        byte[] html = templates.renderUtf8(template, model);
        r.out().write(path, html);
        r.links().put(path, PageLinks.scan(templateSource(template), html).tracedTo(traced));
      } else {
        try (java.io.Writer writer = new java.io.OutputStreamWriter(r.out().create(path), StandardCharsets.UTF_8)) {
          templates.render(template, model, writer);
        }
      }
    } catch (TemplateEngine.TemplateFailure e) {
      r.diagnostics().error(new SourcePosition(templateSource(e.template()), e.line(), 0), "template error: " + e.getMessage());
    }
  }

  /** Where a template comes from, as diagnostics name it. */
  String templateSource(String template) {
    boolean own = theme.overrideRoot().isPresent() && theme.overrideRoot().get().resolve(template).toFile().isFile();
    return own ? templatesFolder + "/" + template : "(default theme) " + template;
  }
}
