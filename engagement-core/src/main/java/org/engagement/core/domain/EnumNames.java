package org.engagement.core.domain;

import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parses the constants of a closed vocabulary (interaction types, channel groups) from the ways people
 * write them: any case, with spaces, hyphens or underscores ({@code "Support request"},
 * {@code support-request}). Exact ids hit a map directly, so parsing millions of rows costs one lookup.
 */
final class EnumNames<E extends Enum<E>> {
  private final ImmutableMap<String, E> byKey;
  private final List<String> ids;

  private EnumNames(Map<String, E> byKey, List<String> ids) {
    this.byKey = ImmutableMap.copyOf(byKey);
    this.ids = ids;
  }

  /** The vocabulary of {@code type}, each constant known by its id and by {@code names}. */
  static <E extends Enum<E>> EnumNames<E> of(
      Class<E> type, Function<E, String> id, Function<E, List<String>> names) {
    Map<String, E> byKey = new HashMap<>();
    for (E constant : type.getEnumConstants()) {
      byKey.put(id.apply(constant), constant);
      byKey.put(normalise(constant.name()), constant);
      names.apply(constant).forEach(name -> byKey.put(normalise(name), constant));
    }
    List<String> ids = java.util.Arrays.stream(type.getEnumConstants()).map(id).toList();
    return new EnumNames<>(byKey, ids);
  }

  /**
   * The constant {@code text} names.
   *
   * @throws InvalidFieldException naming {@code field} if it names none; the message lists the ids
   */
  E parse(String field, String text) {
    E constant = find(text);
    if (constant == null) {
      throw new InvalidFieldException(field, text, "must be one of " + ids);
    }
    return constant;
  }

  private @Nullable E find(String text) {
    E exact = byKey.get(text);
    return exact != null ? exact : byKey.get(normalise(text));
  }

  private static String normalise(String text) {
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
        key.append(c);
      }
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }
}
