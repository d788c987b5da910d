package dev.casebook.memo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SHA-256 digest of an immutable value made of records, lists, maps, sets, strings, numbers,
 * booleans, enums, dates and times: equal values have equal digests in every run of every process,
 * so a digest can key what a later build reuses from disk, as Bazel and Gradle key their caches.
 *
 * <p>Each value is written with its type, so {@code "1"} and {@code 1} differ, and a record with its
 * class name and components in order. Lists and ordered maps and sets ({@code LinkedHashMap},
 * {@code TreeMap}, ...) keep their order; other maps and sets (whose order can change from one run to
 * the next, as {@code Map.of}'s does) are written in the order of their entries' digests. A value of
 * any other type, such as a function, has no digest: {@link #of} throws {@link Undigestible}, and
 * the caller does without the cache rather than risk a stale result.
 *
 * <p>Records are digested once per instance: a view shown on many pages costs one digest per
 * {@code ValueDigest}, or per {@link #shared} set of them. One {@code ValueDigest} is for one thread.
 */
public final class ValueDigest {
  /** A value this class cannot digest. */
  public static final class Undigestible extends RuntimeException {
    Undigestible(String message) {
      super(message, null, false, false);
    }
  }

  private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();

  /** The digests of the records digested so far, by identity; may be shared by the ValueDigests of several threads. */
  private final Map<IdentityKey, byte[]> records;
  private final List<MessageDigest> spare = new ArrayList<>();
  private final byte[] scratch = new byte[9];

  /** A digester of its own. */
  public ValueDigest() {
    this(new java.util.HashMap<>());
  }

  private ValueDigest(Map<IdentityKey, byte[]> records) {
    this.records = records;
  }

  /**
   * A digester for each thread that shares with the others the digests of the records it meets:
   * for digesting many values on every core, as long as the returned supplier is kept (and no longer).
   */
  public static java.util.function.Supplier<ValueDigest> shared() {
    Map<IdentityKey, byte[]> records = new ConcurrentHashMap<>();
    ThreadLocal<ValueDigest> own = ThreadLocal.withInitial(() -> new ValueDigest(records));
    return own::get;
  }

  /** The digest of {@code value}, 32 bytes. */
  public byte[] of(Object value) {
    MessageDigest md = take();
    write(md, value);
    return give(md);
  }

  /** The digest of {@code value} in lower-case hexadecimal. */
  public String hex(Object value) {
    return hex(of(value));
  }

  /** {@code digest} in lower-case hexadecimal. */
  public static String hex(byte[] digest) {
    StringBuilder out = new StringBuilder(digest.length * 2);
    for (byte b : digest) out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    return out.toString();
  }

  private MessageDigest take() {
    if (!spare.isEmpty()) return spare.remove(spare.size() - 1);
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] give(MessageDigest md) {
    byte[] digest = md.digest();
    spare.add(md);
    return digest;
  }

  private void write(MessageDigest md, Object value) {
    if (value == null) {
      md.update((byte) 0);
    } else if (value instanceof String s) {
      md.update((byte) 1);
      string(md, s);
    } else if (value instanceof Record r) {
      md.update((byte) 2);
      md.update(record(r));
    } else if (value instanceof List<?> list) {
      md.update((byte) 3);
      number(md, list.size());
      for (Object element : list) write(md, element);
    } else if (value instanceof Map<?, ?> map) {
      md.update((byte) 4);
      number(md, map.size());
      if (map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          write(md, e.getKey());
          write(md, e.getValue());
        }
      } else {
        byte[][] entries = new byte[map.size()][];
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          MessageDigest entry = take();
          write(entry, e.getKey());
          write(entry, e.getValue());
          entries[n++] = give(entry);
        }
        unordered(md, entries);
      }
    } else if (value instanceof Collection<?> c) {
      md.update((byte) 5);
      number(md, c.size());
      if (c instanceof LinkedHashSet<?> || c instanceof SortedSet<?>) {
        for (Object element : c) write(md, element);
      } else {
        byte[][] elements = new byte[c.size()][];
        int n = 0;
        for (Object element : c) elements[n++] = of(element);
        unordered(md, elements);
      }
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      md.update((byte) 6);
      number(md, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      md.update((byte) 7);
      number(md, Double.doubleToLongBits(((Number) value).doubleValue()));
    } else if (value instanceof Boolean b) {
      md.update((byte) (b ? 8 : 9));
    } else if (value instanceof Character c) {
      md.update((byte) 10);
      number(md, c);
    } else if (value instanceof Enum<?> e) {
      md.update((byte) 11);
      string(md, e.getDeclaringClass().getName());
      string(md, e.name());
    } else if (value instanceof Optional<?> o) {
      md.update((byte) 12);
      write(md, o.orElse(null));
    } else if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.Duration
        || value instanceof java.time.ZoneId || value instanceof java.net.URI || value instanceof java.math.BigDecimal
        || value instanceof java.math.BigInteger) {
      md.update((byte) 13);
      string(md, value.getClass().getName());
      string(md, value.toString());
    } else if (value instanceof byte[] bytes) {
      md.update((byte) 14);
      number(md, bytes.length);
      md.update(bytes);
    } else {
      throw new Undigestible("no digest for a " + value.getClass().getName());
    }
  }

  /** A record's digest: its class and components, once per instance. */
  private byte[] record(Record r) {
    IdentityKey key = new IdentityKey(r);
    byte[] known = records.get(key);
    if (known != null) return known;
    MessageDigest md = take();
    string(md, r.getClass().getName());
    for (Method accessor : ACCESSORS.computeIfAbsent(r.getClass(), ValueDigest::accessors)) {
      try {
        write(md, accessor.invoke(r));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new Undigestible("cannot read " + accessor + ": " + e);
      }
    }
    byte[] digest = give(md);
    records.put(key, digest);
    return digest;
  }

  private static Method[] accessors(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Method[] out = new Method[components.length];
    for (int i = 0; i < components.length; i++) {
      out[i] = components[i].getAccessor();
      out[i].setAccessible(true);
    }
    return out;
  }

  private void unordered(MessageDigest md, byte[][] digests) {
    Arrays.sort(digests, Arrays::compareUnsigned);
    for (byte[] d : digests) md.update(d);
  }

  private void string(MessageDigest md, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    number(md, bytes.length);
    md.update(bytes);
  }

  private void number(MessageDigest md, long value) {
    for (int i = 0; i < 8; i++) scratch[i] = (byte) (value >>> (8 * i));
    md.update(scratch, 0, 8);
  }
}
