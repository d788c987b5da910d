package dev.casebook.markdown;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** CommonMark with the GitHub extensions Casebook supports; one instance serves all threads. */
public final class MarkdownParser {
  static final List<Extension> EXTENSIONS = List.of(
      TablesExtension.create(),
      StrikethroughExtension.create(),
      AutolinkExtension.create(),
      TaskListItemsExtension.create(),
      FootnotesExtension.create());

  private final Parser parser;

  public MarkdownParser() {
    this(EXTENSIONS, null);
  }

  /** A parser that also links plain mentions of incident ids. */
  public MarkdownParser(IdMentions mentions) {
    this(EXTENSIONS, mentions);
  }

  /** A parser with only some of the extensions, for testing each against its spec. */
  MarkdownParser(List<Extension> extensions) {
    this(extensions, null);
  }

  private MarkdownParser(List<Extension> extensions, IdMentions mentions) {
    Parser.Builder builder = Parser.builder()
        .extensions(extensions)
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES);
    if (mentions != null) builder.postProcessor(mentions);
    parser = builder.build();
  }

  public MarkdownBody parse(String markdown) {
    return new MarkdownBody(parser.parse(markdown), markdown);
  }
}
