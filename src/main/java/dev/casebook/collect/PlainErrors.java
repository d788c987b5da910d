package dev.casebook.collect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself (a malformed request line or headers, headers over the limit, no
 * thread free): short plain text with an {@code X-Reason}, counted like the collector's own.
 */
final class PlainErrors extends ErrorHandler {
  private final Counters counters;

  PlainErrors(Counters counters) {
    this.counters = counters;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "malformed";
      case 408 -> "slow-request";
      case 413 -> "too-large";
      case 431 -> "headers-too-large";
      case 503 -> "busy";
      default -> "http-" + status;
    };
  }

  @Override
  public ByteBuffer badMessageError(int status, String message, HttpFields.Mutable fields) {
    String reason = reason(status);
    counters.refused(reason);
    fields.put("X-Reason", reason);
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap((reason + ": the request is malformed\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer s) status = s;
    String reason = reason(status);
    counters.refused(reason);
    response.getHeaders().put("X-Reason", reason);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
