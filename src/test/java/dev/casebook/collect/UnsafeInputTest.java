package dev.casebook.collect;

import static dev.casebook.collect.TestCollector.pageView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.cli.Main;
import dev.casebook.readership.ReadershipReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Control and bidirectional characters never reach storage or a report as they are, and a
 * mistake in the collector's settings is reported at its file, key and line.
 */
class UnsafeInputTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void controlAndBidirectionalCharactersAreRefusedAndNothingIsStored(Backend backend) throws Exception {
    try (TestCollector c = TestCollector.start(backend.freshDatabase(tmp), new TestCollector.Settings())) {
      String[] hostile = {"\\u202e", "\\u2067", "\\u200f", "\\u0085", "\\u009b", "\\u001b", "\\u2028"};
      for (int i = 0; i < hostile.length; i++) {
        String pv = pageView("loadctl" + i + "x", "INC-2024-003");
        HttpResponse<String> path = c.post(pv.replace("/incidents/INC-2024-003/", "/incidents/" + hostile[i] + "gnp.exe/"));
        assertEquals(400, path.statusCode(), hostile[i] + " " + path.body());
        HttpResponse<String> referrer = c.post(pv.replace("}", ",\"r\":\"https://incidents.example/" + hostile[i] + "x\"}"));
        assertEquals(400, referrer.statusCode(), hostile[i]);
        assertEquals("text", referrer.headers().firstValue("X-Reason").orElse(""));
      }
      assertEquals(0, c.events().size());
    }
  }

  @Test
  void aDirectoryLineWithABidirectionalOverrideIsRefusedAtItsLine() throws Exception {
    Path directory = Files.writeString(tmp.resolve("directory.csv"), "ana@larkspur.example,payments\n"
        + "ben@larkspur.example,\u202Esyap\n");
    IOException e = assertThrows(IOException.class, () -> Directory.load(directory));
    assertTrue(e.getMessage().startsWith(directory + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("U+202E"), e.getMessage());
  }

  @Test
  void reportsShowWhatAnOlderDatabaseHoldsAsEscapes() {
    ReadershipReport r = new ReadershipReport("INC-2024-003", "Title", "payments", 3, 0, 2, 1, 1, Map.of(), Map.of(),
        Map.of("pay\u202Ements", 5L, "logistics", 6L), Map.of(), Map.of("/a\u0085b\u2066", 2L));
    assertEquals(Map.of("pay\\u202ements", 5L, "logistics", 6L), r.teams());
    assertEquals(Map.of("/a\\u0085b\\u2066", 2L), r.referrers());
  }

  private String collect(Path config, String db) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"collect", "--config", config.toString(), "--port", "0", "--db", db},
        new PrintWriter(out), new PrintWriter(err));
    assertEquals(Main.EXIT_USAGE, status, out + "\n" + err);
    return err.toString();
  }

  @Test
  void aBadTrustedProxyIsReportedAtItsFileKeyAndLine() throws Exception {
    Path config = Files.writeString(tmp.resolve("collector.yml"), "port: 8420\n"
        + "trusted_header: X-Auth-Request-Email\n"
        + "trusted_proxies:\n"
        + "  - 127.0.0.1\n"
        + "  - proxy.larkspur.invalid\n"
        + "  - 10.0.0.0/33\n");
    String err = collect(config, tmp.resolve("r.db").toString());
    assertTrue(err.contains(config + ":5:"), err);
    assertTrue(err.contains("trusted_proxies: 'proxy.larkspur.invalid' is not an IP address"), err);
    assertTrue(err.contains(config + ":6:"), err);
    assertTrue(err.contains("'10.0.0.0/33' has a bad prefix length"), err);
    assertFalse(err.contains("Name or service not known"), err);
    assertFalse(Files.exists(tmp.resolve("r.db")), "nothing was started");
  }

  @Test
  void aBindAddressThatIsNotAnAddressIsReportedAtItsLine() throws Exception {
    Path config = Files.writeString(tmp.resolve("collector.yml"), "# the collector\nbind: collector.larkspur.invalid\n");
    String err = collect(config, tmp.resolve("r.db").toString());
    assertTrue(err.contains(config + ":2:"), err);
    assertTrue(err.contains("bind: 'collector.larkspur.invalid' is not an IP address"), err);
  }

  @Test
  void rangesAndAddressesOfBothFamiliesAreAccepted() {
    for (String ok : new String[] {"127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8", "192.168.1.0/24", "[::1]"}) {
      assertTrue(TrustedProxies.problem(ok).isEmpty(), ok);
    }
    TrustedProxies proxies = new TrustedProxies(java.util.List.of("10.0.0.0/8"));
    assertTrue(proxies.contains(TrustedProxies.literal("10.2.3.4").orElseThrow()));
    assertFalse(proxies.contains(TrustedProxies.literal("11.2.3.4").orElseThrow()));
  }
}
