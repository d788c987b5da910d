package dev.casebook.memo;

/** An object as a map key compared by identity, for maps (concurrent ones too) that need it. */
record IdentityKey(Object value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityKey k && k.value == value;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(value);
  }
}
