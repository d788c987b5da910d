package dev.casebook.diag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The ways {@code check} can print diagnostics. */
public enum DiagnosticFormat {
  /** {@code path:line:col: error: message (hint)}, one per line, as compilers print them. */
  TEXT {
    @Override
    public String format(List<Diagnostic> diagnostics) {
      StringBuilder out = new StringBuilder();
      for (Diagnostic d : diagnostics) out.append(d).append('\n');
      return out.toString();
    }
  },
  /**
   * GitHub Actions workflow commands, which annotate the pull request's lines. Hints and notes are
   * {@code ::notice}, GitHub's lowest level.
   */
  GITHUB {
    @Override
    public String format(List<Diagnostic> diagnostics) {
      StringBuilder out = new StringBuilder();
      for (Diagnostic d : diagnostics) {
        SourcePosition p = d.position();
        String command = d.isHint() || d.isNote() ? "notice" : d.severity().label();
        out.append("::").append(command).append(" file=").append(property(p.file()));
        if (p.line() > 0) out.append(",line=").append(p.line());
        if (p.column() > 0) out.append(",col=").append(p.column());
        out.append(",title=Casebook::").append(data(d.fullMessage())).append('\n');
      }
      return out.toString();
    }
  },
  /**
   * A GitLab Code Quality report (a subset of the Code Climate format), which GitLab shows on the
   * merge request's changed lines when a job saves it as {@code artifacts:reports:codequality}.
   * Errors are {@code major}, warnings {@code minor}, hints and notes {@code info}. The fingerprint is a hash of the file, the
   * severity, the message and how many identical ones came before it in that file, so it stays
   * the same when lines move.
   */
  GITLAB {
    @Override
    public String format(List<Diagnostic> diagnostics) {
      StringWriter out = new StringWriter();
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (Diagnostic d : diagnostics) {
          String key = d.position().file() + "\0" + d.severity().label() + "\0" + d.fullMessage();
          int n = seen.merge(key, 1, Integer::sum);
          g.writeStartObject();
          g.writeStringField("description", d.fullMessage());
          g.writeStringField("check_name", "casebook");
          g.writeStringField("fingerprint", sha256(key + "\0" + n));
          g.writeStringField("severity", switch (d.severity()) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case HINT, NOTE -> "info";
          });
          g.writeObjectFieldStart("location");
          g.writeStringField("path", d.position().file());
          g.writeObjectFieldStart("lines");
          g.writeNumberField("begin", Math.max(1, d.position().line()));
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out + "\n";
    }
  },
  /** A JSON array of objects with file, line, column, severity, message and hint. */
  JSON {
    @Override
    public String format(List<Diagnostic> diagnostics) {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (Diagnostic d : diagnostics) {
          g.writeStartObject();
          g.writeStringField("file", d.position().file());
          g.writeNumberField("line", d.position().line());
          g.writeNumberField("column", d.position().column());
          g.writeStringField("severity", d.severity().label());
          g.writeStringField("message", d.message());
          if (d.hint() != null) g.writeStringField("hint", d.hint());
          g.writeEndObject();
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out + "\n";
    }
  };

  public abstract String format(List<Diagnostic> diagnostics);

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // Escaping rules of GitHub's workflow commands (toolkit/core command.ts).
  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
