package dev.casebook.collect;

/**
 * One event as the beacon sent it, after validation. Nothing here says who the reader is: that
 * comes only from the request's trusted header, never from the body.
 *
 * @param kind a page view, an engagement update, or a reading path started or finished
 * @param pageLoad the beacon's random id for this page load (never stored in the browser)
 * @param sequence the number of this engagement update within the page load (0 for a page view)
 * @param doc the write-up id baked into the page, or {@code page.KIND} for the site's other pages, or
 *     {@code path.SLUG} for the reading path a path event is about
 * @param path the page's path, or empty
 * @param referrer {@code document.referrer} as sent, or empty
 * @param srcTag the {@code ?src=} tag of the link that was followed, or empty
 * @param anonymous the browser asked not to be tracked (Do Not Track or Global Privacy Control)
 * @param scroll maximum scroll depth, 0-100 (engagement only)
 * @param engagedMillis time the page was visible and focused (engagement only)
 * @param reachedEnd the end of the write-up came into view (engagement only)
 */
public record BeaconEvent(
    Kind kind,
    String pageLoad,
    int sequence,
    String doc,
    String path,
    String referrer,
    String srcTag,
    boolean anonymous,
    int scroll,
    long engagedMillis,
    boolean reachedEnd) {

  public enum Kind {
    PAGE_VIEW("pv"),
    ENGAGEMENT("eng"),
    /** The reader read the first step of a reading path they had read nothing of. */
    PATH_STARTED("ps"),
    /** The reader has now read every step of a reading path. */
    PATH_FINISHED("pf");

    public final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  /** The idempotency key: a retried or replayed event has the same key and is stored once. */
  public String key() {
    return switch (kind) {
      case PAGE_VIEW -> "pv:" + pageLoad;
      case ENGAGEMENT -> "eng:" + pageLoad + ":" + sequence;
      // a page can be a step of several paths: one event per path and page load
      case PATH_STARTED, PATH_FINISHED -> kind.code + ":" + pageLoad + ":" + doc;
    };
  }

  /** Whether this is a reading path's event. */
  public boolean aboutPath() {
    return kind == Kind.PATH_STARTED || kind == Kind.PATH_FINISHED;
  }
}
