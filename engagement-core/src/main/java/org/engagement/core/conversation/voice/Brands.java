package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.text.TextFolding;

/**
 * Our brand and the competitors it is compared with. A mention belongs to the brand its
 * {@linkplain Content#brand() content names}, compared ignoring case and accents; a mention that names no
 * brand is taken as ours (a listening feed of one's own brand rarely names it, while a competitor's
 * mention must), and one naming any other brand is not counted. A value: counts with equal brands (the
 * same names in the same order) merge. Immutable and thread-safe.
 *
 * @param ours our brand's name
 * @param competitors the competitors' names: distinct from each other and from ours after folding
 * @since 0.1.0
 */
public record Brands(String ours, List<String> competitors) implements Serializable {
  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a name is blank or two names fold alike
   */
  public Brands {
    requireNonNull(ours, "ours");
    competitors = List.copyOf(competitors);
    Map<String, String> seen = new HashMap<>();
    for (String name : all(ours, competitors)) {
      String folded = TextFolding.fold(name);
      if (folded.isEmpty()) {
        throw new InvalidFieldException("brand", name, "must not be blank");
      }
      String earlier = seen.putIfAbsent(folded, name);
      if (earlier != null) {
        throw new InvalidFieldException("brand", name, "must differ from '" + earlier + "' ignoring case and accents");
      }
    }
  }

  /** Our brand against {@code competitors}. */
  public static Brands of(String ours, String... competitors) {
    return new Brands(ours, List.of(competitors));
  }

  /**
   * Whether two brand names name the same brand: equal ignoring case, accents and repeated white space,
   * the comparison every brand count of the SDK makes ({@code "Café Nord"} is {@code "cafe  nord"}).
   *
   * @param a a brand name
   * @param b another brand name
   * @return {@code true} if they fold alike
   */
  public static boolean sameName(String a, String b) {
    return TextFolding.fold(a).equals(TextFolding.fold(b));
  }

  /** Every brand, ours first: the order of counts in reports. */
  public List<String> all() {
    return all(ours, competitors);
  }

  private static List<String> all(String ours, List<String> competitors) {
    List<String> all = new ArrayList<>(competitors.size() + 1);
    all.add(ours);
    all.addAll(competitors);
    return all;
  }

  /**
   * The position in {@link #all()} of the brand called {@code brand} (compared folded), or -1 if it is not counted;
   * a mention naming no brand is ours (position 0), which the caller decides.
   */
  int indexOf(String brand) {
    String folded = TextFolding.fold(brand);
    List<String> all = all();
    for (int i = 0; i < all.size(); i++) {
      if (TextFolding.fold(all.get(i)).equals(folded)) {
        return i;
      }
    }
    return -1;
  }
}
