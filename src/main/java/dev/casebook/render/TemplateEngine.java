package dev.casebook.render;

import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Freemarker, set up once per build and shared by the rendering threads. {@code .ftlh} templates
 * escape HTML and {@code .ftlx} templates escape XML automatically; templates cannot create Java
 * objects or reach the Java API.
 */
public final class TemplateEngine {
  private static final Version VERSION = Configuration.VERSION_2_3_34;
  private final Configuration configuration;

  public TemplateEngine(Theme theme) {
    Configuration cfg = new Configuration(VERSION);
    List<TemplateLoader> loaders = new ArrayList<>();
    try {
      if (theme.overrideRoot().isPresent()) loaders.add(new PathTemplateLoader(theme.overrideRoot().get()));
      loaders.add(new PathTemplateLoader(theme.builtInRoot()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setLocale(Locale.ENGLISH);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
    wrapper.setExposeFields(false);
    cfg.setObjectWrapper(wrapper.build());
    this.configuration = cfg;
  }

  /**
   * Renders {@code name} with {@code model} (a {@link dev.casebook.render.view.PageModel}, or a map
   * of names to values) to UTF-8, the bytes of the page file; a template error names the template
   * and line.
   */
  public byte[] renderUtf8(String name, Object model) throws TemplateFailure {
    Utf8PageWriter out = new Utf8PageWriter();
    render(name, model, out);
    byte[] page = out.toByteArray();
    out.recycle();
    return page;
  }

  /** Renders {@code name} with {@code model} (a page model or a map) into {@code out}. */
  public void render(String name, Object model, java.io.Writer out) throws TemplateFailure {
    try {
      Template template = configuration.getTemplate(name);
      Object root = model instanceof dev.casebook.render.view.PageModel page
          ? new PageModelHash(page, configuration.getObjectWrapper()) : model;
      template.process(root, out);
    } catch (TemplateException e) {
      String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
      int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
      throw new TemplateFailure(where, line, firstLine(e.getMessageWithoutStackTop()));
    } catch (IOException e) {
      throw new TemplateFailure(name, 0, firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "template error";
    String line = s.strip().lines().findFirst().orElse("template error");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** A template that failed, with the template's name and line. */
  public static final class TemplateFailure extends Exception {
    private final String template;
    private final int line;

    public TemplateFailure(String template, int line, String message) {
      super(message, null, false, false);
      this.template = template;
      this.line = line;
    }

    public String template() {
      return template;
    }

    public int line() {
      return line;
    }
  }

  /** Loads templates from a folder that may be inside the jar. */
  private static final class PathTemplateLoader implements TemplateLoader {
    private final Path root;

    PathTemplateLoader(Path root) throws IOException {
      this.root = root;
    }

    @Override
    public Object findTemplateSource(String name) {
      Path p = root.resolve(name).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p)) return null;
      return p;
    }

    @Override
    public long getLastModified(Object source) {
      try {
        return Files.getLastModifiedTime((Path) source).toMillis();
      } catch (IOException e) {
        return -1;
      }
    }

    @Override
    public java.io.Reader getReader(Object source, String encoding) throws IOException {
      Path file = (Path) source;
      String text = Files.readString(file, java.nio.charset.Charset.forName(encoding));
      String name = file.getFileName().toString();
      boolean markup = name.endsWith(".ftlh") || name.endsWith(".ftlx");
      return new java.io.StringReader(markup ? TemplateText.unindent(text) : text);
    }

    @Override
    public void closeTemplateSource(Object source) {}
  }
}
