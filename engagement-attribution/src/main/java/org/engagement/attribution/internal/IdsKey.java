package org.engagement.attribution.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A sequence of channel ids (a path, or a sorted channel set) as a hash key, compared by content. The array is
 * kept, not copied: the caller hands it over and never changes it afterwards. Immutable by that contract and
 * thread-safe.
 */
public final class IdsKey {
  private final int[] ids;
  private final int hash;

  /** A key over {@code ids}, which the caller must not change afterwards. */
  public IdsKey(int[] ids) {
    this.ids = ids;
    this.hash = Arrays.hashCode(ids);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IdsKey k && Arrays.equals(ids, k.ids);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
