package dev.casebook.collect;

import dev.casebook.text.UnsafeText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a beacon body: one flat JSON object of at most {@link #MAX_BODY} bytes of strict UTF-8.
 * Anything malformed, out of range or dangerous is a {@link Rejected} with status 400; keys it
 * does not know (including {@code ip}, {@code user}, {@code team} or {@code ts}) are ignored.
 */
public final class EventParser {
  public static final int MAX_BODY = 4096;
  /** A page path of this many characters is refused; one shorter is accepted. */
  public static final int MAX_PATH = 2048;
  public static final int MAX_REFERRER = 2000;
  public static final int MAX_DOC = 128;
  public static final long MAX_ENGAGED_MILLIS = 4 * 60 * 60 * 1000L;
  public static final int MAX_SEQUENCE = 10_000;
  private static final Pattern DOC = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_DOC + "}");
  private static final Pattern PATH_DOC = Pattern.compile("path\\.[a-z0-9._-]+");
  private static final Pattern PAGE_LOAD = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern SRC_TAG = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).maxStringLength(MAX_BODY)
          .maxNumberLength(20).build())
      .build();

  private EventParser() {}

  public static BeaconEvent parse(byte[] body) throws Rejected {
    if (body.length > MAX_BODY) throw new Rejected(413, "too-large", "the body is over " + MAX_BODY + " bytes");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw Rejected.invalid("encoding", "the body is not valid UTF-8");
    }
    Map<String, Object> fields = fields(text);
    BeaconEvent.Kind kind = switch (string(fields, "t")) {
      case "pv" -> BeaconEvent.Kind.PAGE_VIEW;
      case "eng" -> BeaconEvent.Kind.ENGAGEMENT;
      case "ps" -> BeaconEvent.Kind.PATH_STARTED;
      case "pf" -> BeaconEvent.Kind.PATH_FINISHED;
      default -> throw Rejected.invalid("t", "'t' must be \"pv\", \"eng\", \"ps\" or \"pf\"");
    };
    if (fields.containsKey("v") && integer(fields, "v", 1, 1) != 1) throw Rejected.invalid("v", "unknown version");
    String pageLoad = string(fields, "id");
    if (!PAGE_LOAD.matcher(pageLoad).matches()) throw Rejected.invalid("id", "'id' must be 8-64 letters, digits, - or _");
    String doc = string(fields, "doc");
    if (!DOC.matcher(doc).matches()) throw Rejected.invalid("doc", "'doc' must be 1-128 letters, digits, '.', '-' or '_'");
    boolean path = kind == BeaconEvent.Kind.PATH_STARTED || kind == BeaconEvent.Kind.PATH_FINISHED;
    if (path != PATH_DOC.matcher(doc).matches()) {
      throw Rejected.invalid("doc", path ? "a path event's 'doc' must be path.SLUG" : "'doc' path.SLUG is for path events only");
    }
    if (path) {
      // Nothing else is kept of a path event: no page, referrer or tag to tell one reader's journey.
      boolean anonymous = fields.containsKey("a") && flag(fields, "a");
      return new BeaconEvent(kind, pageLoad, 0, doc, "", "", "", anonymous, 0, 0, false);
    }
    String page = optionalString(fields, "u");
    if (!page.isEmpty()) {
      rejectScript(page, "u");
      if (page.length() >= MAX_PATH) throw Rejected.invalid("u", "'u' is " + MAX_PATH + " characters or longer");
      if (!page.startsWith("/")) throw Rejected.invalid("u", "'u' must be a path starting with /");
    }
    String referrer = optionalString(fields, "r");
    if (!referrer.isEmpty()) {
      rejectScript(referrer, "r");
      if (referrer.length() > MAX_REFERRER) throw Rejected.invalid("r", "'r' is longer than " + MAX_REFERRER + " characters");
    }
    String src = optionalString(fields, "src").toLowerCase(Locale.ROOT);
    if (!SRC_TAG.matcher(src).matches()) src = "";
    boolean anonymous = fields.containsKey("a") && flag(fields, "a");
    int sequence = 0;
    int scroll = 0;
    long engaged = 0;
    boolean end = false;
    if (kind == BeaconEvent.Kind.ENGAGEMENT) {
      sequence = (int) integer(fields, "n", 0, MAX_SEQUENCE);
      scroll = (int) integer(fields, "sd", 0, 100);
      engaged = integer(fields, "et", 0, MAX_ENGAGED_MILLIS);
      end = flag(fields, "end");
    }
    return new BeaconEvent(kind, pageLoad, sequence, doc, page, referrer, src, anonymous, scroll, engaged, end);
  }

  /** The top-level object's scalar members: strings, integral numbers and booleans. */
  private static Map<String, Object> fields(String text) throws Rejected {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw Rejected.invalid("json", "the body must be a JSON object");
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) throw Rejected.invalid("json", "malformed JSON");
        String name = p.currentName();
        checkText(name, "a key");
        JsonToken value = p.nextToken();
        switch (value) {
          case VALUE_STRING -> {
            String s = p.getText();
            checkText(s, "'" + name + "'");
            fields.put(name, s);
          }
          case VALUE_NUMBER_INT -> fields.put(name, p.getLongValue());
          case VALUE_NUMBER_FLOAT -> fields.put(name, p.getDoubleValue());
          case VALUE_TRUE, VALUE_FALSE -> fields.put(name, value == JsonToken.VALUE_TRUE);
          case VALUE_NULL -> fields.remove(name);
          default -> throw Rejected.invalid("json", "'" + name + "' must be a string, number or boolean");
        }
      }
      if (p.nextToken() != null) throw Rejected.invalid("json", "text after the JSON object");
    } catch (IOException e) {
      throw Rejected.invalid("json", "malformed JSON");
    }
    return fields;
  }

  /**
   * No C0 or C1 control characters, bidirectional controls or line separators ({@link UnsafeText}),
   * and no unpaired surrogates (from \\ud800 escapes).
   */
  private static void checkText(String s, String what) throws Rejected {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (UnsafeText.unsafe(c)) {
        throw Rejected.invalid("text", what + String.format(Locale.ROOT,
            " contains U+%04X, a control or bidirectional character", (int) c));
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw Rejected.invalid("text", what + " contains an unpaired surrogate");
        }
      } else if (Character.isLowSurrogate(c)) {
        throw Rejected.invalid("text", what + " contains an unpaired surrogate");
      }
    }
  }

  /** data:, javascript: and the like are refused outright; other non-http(s) URLs are ignored later. */
  private static void rejectScript(String url, String field) throws Rejected {
    var m = SCHEME.matcher(url);
    if (m.find()) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      if (scheme.equals("data") || scheme.equals("javascript") || scheme.equals("vbscript") || scheme.equals("file")
          || scheme.equals("blob")) {
        throw Rejected.invalid("scheme", "'" + field + "' must not be a " + scheme + ": URL");
      }
    }
  }

  private static String string(Map<String, Object> fields, String key) throws Rejected {
    Object v = fields.get(key);
    if (v == null) throw Rejected.invalid(key, "'" + key + "' is required");
    if (!(v instanceof String s)) throw Rejected.invalid(key, "'" + key + "' must be a string");
    return s;
  }

  private static String optionalString(Map<String, Object> fields, String key) throws Rejected {
    return fields.containsKey(key) ? string(fields, key) : "";
  }

  private static long integer(Map<String, Object> fields, String key, long min, long max) throws Rejected {
    Object v = fields.get(key);
    if (v == null) return min;
    if (!(v instanceof Long n)) throw Rejected.invalid(key, "'" + key + "' must be a whole number");
    if (n < min || n > max) throw Rejected.invalid(key, "'" + key + "' must be between " + min + " and " + max);
    return n;
  }

  private static boolean flag(Map<String, Object> fields, String key) throws Rejected {
    Object v = fields.get(key);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Long n && (n == 0 || n == 1)) return n == 1;
    throw Rejected.invalid(key, "'" + key + "' must be 0, 1, true or false");
  }
}
