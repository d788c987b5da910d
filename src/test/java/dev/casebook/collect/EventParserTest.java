package dev.casebook.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the collector accepts from a beacon body, and what it refuses (always a 4xx, never a crash). */
class EventParserTest {
  private static final String PV = "{\"v\":1,\"t\":\"pv\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\"";

  private static BeaconEvent parse(String json) throws Rejected {
    return EventParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Rejected refused(String json) {
    return assertThrows(Rejected.class, () -> parse(json), json);
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void aPageViewKeepsWhatTheBeaconSent() throws Rejected {
    BeaconEvent e = parse(PV + ",\"u\":\"/incidents/INC-2024-003/\",\"r\":\"https://chat.example/x\",\"src\":\"design-doc\"}");
    assertEquals(BeaconEvent.Kind.PAGE_VIEW, e.kind());
    assertEquals("INC-2024-003", e.doc());
    assertEquals("/incidents/INC-2024-003/", e.path());
    assertEquals("https://chat.example/x", e.referrer());
    assertEquals("design-doc", e.srcTag());
    assertEquals("pv:k3j9x0a1b2c3", e.key());
    assertFalse(e.anonymous());
  }

  @Test
  void anEngagementUpdateHasItsOwnKeyPerSequenceNumber() throws Rejected {
    BeaconEvent e = parse("{\"t\":\"eng\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\",\"n\":2,\"sd\":87,\"et\":41000,\"end\":1}");
    assertEquals(87, e.scroll());
    assertEquals(41000, e.engagedMillis());
    assertTrue(e.reachedEnd());
    assertEquals("eng:k3j9x0a1b2c3:2", e.key());
  }

  @ParameterizedTest
  @ValueSource(strings = {"defnotjson", "", "{", "{\"t\":\"pv\"", "[1,2]", "\"pv\"", "null", "{\"t\":\"pv\"} {}",
      "{\"t\":{\"a\":{\"b\":1}}}", "{\"t\":[\"pv\"]}", "{\"t\":\"pv\",\"t\":\"eng\"}", "{'t':'pv'}", "{\"t\":\"pv\",}"})
  void malformedJsonIsA400(String body) {
    Rejected r = refused(body);
    assertEquals(400, r.status());
  }

  @Test
  void deepNestingIsA400NotAStackOverflow() {
    String deep = "{\"t\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
    assertEquals(400, refused(deep).status());
  }

  @Test
  void aBodyOverFourKibIsA413() {
    String big = PV + ",\"u\":\"/" + "a".repeat(4100) + "\"}";
    assertEquals(413, refused(big).status());
  }

  @Test
  void thePathBoundaryIs2047Characters() throws Rejected {
    String ok = "/" + "p".repeat(EventParser.MAX_PATH - 2);
    assertEquals(EventParser.MAX_PATH - 1, parse(PV + ",\"u\":" + quoted(ok) + "}").path().length());
    Rejected r = refused(PV + ",\"u\":" + quoted(ok + "p") + "}");
    assertEquals("u", r.reason());
  }

  @Test
  void theReferrerBoundaryIs2000Characters() throws Rejected {
    String ok = "https://x.example/" + "r".repeat(EventParser.MAX_REFERRER - 18);
    assertEquals(EventParser.MAX_REFERRER, parse(PV + ",\"r\":" + quoted(ok) + "}").referrer().length());
    assertEquals("r", refused(PV + ",\"r\":" + quoted(ok + "r") + "}").reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"data:text/html,<script>alert(1)</script>", "javascript:alert(1)", " JavaScript:alert(1)",
      "vbscript:msgbox", "file:///etc/passwd"})
  void scriptAndDataUrlsAreRefusedAsPageOrReferrer(String url) {
    assertEquals("scheme", refused(PV + ",\"r\":" + quoted(url) + "}").reason());
    assertEquals("scheme", refused(PV + ",\"u\":" + quoted(url) + "}").reason());
  }

  @Test
  void invalidUtf8IsA400() {
    byte[] prefix = (PV + ",\"u\":\"/a").getBytes(StandardCharsets.UTF_8);
    for (byte[] bad : new byte[][] {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc3}}) {
      byte[] body = new byte[prefix.length + bad.length + 2];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      System.arraycopy(bad, 0, body, prefix.length, bad.length);
      body[body.length - 2] = '"';
      body[body.length - 1] = '}';
      Rejected r = assertThrows(Rejected.class, () -> EventParser.parse(body));
      assertEquals("encoding", r.reason());
    }
  }

  @Test
  void loneSurrogatesAndControlCharactersAreRefused() {
    assertEquals("text", refused(PV + ",\"u\":\"/a\\ud800\"}").reason());
    assertEquals("text", refused(PV + ",\"u\":\"/a\\udc00b\"}").reason());
    assertEquals("text", refused(PV + ",\"u\":\"/a\\u0000\"}").reason());
    assertEquals("text", refused(PV + ",\"r\":\"https://x.example/\\u001b[31m\"}").reason());
  }

  @Test
  void emojiPercentEncodingAndRightToLeftScriptsAreKeptExactly() throws Rejected {
    String path = "/incidents/\u05e9\u05dc\u05d5\u05dd/\uD83D\uDD25/%E2%80%AE/%C0%AF/caf\u00e9";
    assertEquals(path, parse(PV + ",\"u\":" + quoted(path) + "}").path());
    assertEquals(path, parse(PV + ",\"u\":\"/incidents/\\u05e9\\u05dc\\u05d5\\u05dd/\\ud83d\\udd25/%E2%80%AE/%C0%AF/caf\\u00e9\"}").path());
  }

  @Test
  void c1ControlsAndBidirectionalControlsAreRefusedRawOrEscaped() {
    for (int cp : new int[] {0x85, 0x9b, 0x202e, 0x202a, 0x2066, 0x2069, 0x200f, 0x061c, 0x2028, 0x7f}) {
      String c = String.format(java.util.Locale.ROOT, "\\u%04x", cp);
      assertEquals("text", refused(PV + ",\"u\":\"/incidents/" + c + "evil\"}").reason(), c);
      assertEquals("text", refused(PV + ",\"r\":" + quoted("https://x.example/" + Character.toString(cp)) + "}").reason(), c);
      assertEquals("text", refused(PV + ",\"src\":" + quoted("chat" + Character.toString(cp)) + "}").reason(), c);
    }
  }

  @Test
  void outOfRangeAndWronglyTypedValuesAreRefused() {
    String eng = "{\"t\":\"eng\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\"";
    assertEquals("sd", refused(eng + ",\"sd\":101}").reason());
    assertEquals("sd", refused(eng + ",\"sd\":-1}").reason());
    assertEquals("sd", refused(eng + ",\"sd\":50.5}").reason());
    assertEquals("sd", refused(eng + ",\"sd\":\"50\"}").reason());
    assertEquals("et", refused(eng + ",\"et\":" + (EventParser.MAX_ENGAGED_MILLIS + 1) + "}").reason());
    assertEquals(400, refused(eng + ",\"et\":99999999999999999999999}").status());
    assertEquals("n", refused(eng + ",\"n\":-3}").reason());
    assertEquals("end", refused(eng + ",\"end\":2}").reason());
    assertEquals("t", refused("{\"t\":\"click\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\"}").reason());
    assertEquals("v", refused("{\"v\":2,\"t\":\"pv\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\"}").reason());
    assertEquals("id", refused("{\"t\":\"pv\",\"id\":\"short\",\"doc\":\"INC-2024-003\"}").reason());
    assertEquals("doc", refused("{\"t\":\"pv\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"" + "d".repeat(129) + "\"}").reason());
    assertEquals("doc", refused("{\"t\":\"pv\",\"id\":\"k3j9x0a1b2c3\"}").reason());
    assertEquals("u", refused(PV + ",\"u\":\"incidents/relative\"}").reason());
  }

  @Test
  void unknownKeysAndSpoofedIdentityAreIgnored() throws Rejected {
    BeaconEvent e = parse(PV + ",\"ip\":\"10.1.2.3\",\"ua\":\"Googlebot\",\"user\":\"ceo@larkspur.example\","
        + "\"team\":\"payments\",\"ts\":1,\"reader\":\"x\",\"extra\":true}");
    assertEquals(new BeaconEvent(BeaconEvent.Kind.PAGE_VIEW, "k3j9x0a1b2c3", 0, "INC-2024-003", "", "", "", false, 0, 0, false), e);
  }

  @Test
  void unknownSourceTagsAreIgnoredAndAnonymityIsKept() throws Rejected {
    assertEquals("", parse(PV + ",\"src\":\"<script>\"}").srcTag());
    assertEquals("", parse(PV + ",\"src\":\"' OR 1=1--\"}").srcTag());
    assertTrue(parse(PV + ",\"a\":1}").anonymous());
  }

  @Test
  void sqlInjectionInRestrictedFieldsIsRefused() {
    for (String field : new String[] {"doc", "id"}) {
      String json = "{\"t\":\"pv\",\"id\":\"k3j9x0a1b2c3\",\"doc\":\"INC-2024-003\"}".replace(
          "\"" + field + "\":\"" + (field.equals("doc") ? "INC-2024-003" : "k3j9x0a1b2c3") + "\"",
          "\"" + field + "\":\"'; DROP TABLE readership_events;--\"");
      assertEquals(field, refused(json).reason());
    }
  }
}
