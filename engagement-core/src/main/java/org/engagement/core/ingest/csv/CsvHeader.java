package org.engagement.core.ingest.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.engagement.core.ingest.InvalidSourceException;
import org.jspecify.annotations.Nullable;

/** The header row of a CSV source, bound to the adapter's columns; extra columns become attributes. */
@SuppressWarnings("EnumOrdinal") // a column-to-field table indexed by ordinal: index() runs for every field read
final class CsvHeader {
  private static final Set<CsvColumn> REQUIRED = EnumSet.of(CsvColumn.CUSTOMER_ID, CsvColumn.TIMESTAMP, CsvColumn.TYPE);
  private static final Set<CsvColumn> CHANNEL_SOURCES =
      EnumSet.of(CsvColumn.CHANNEL, CsvColumn.UTM_SOURCE, CsvColumn.UTM_MEDIUM, CsvColumn.REFERRER);
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final int MAX_TYPO_DISTANCE = 2;

  private final int size;
  private final int[] indexOf = new int[CsvColumn.values().length];
  private final int[] extraIndexes;
  private final String[] extraNames;

  private CsvHeader(int size, Map<CsvColumn, Integer> bound, List<Integer> extraIndexes, List<String> extraNames) {
    this.size = size;
    Arrays.fill(indexOf, -1);
    bound.forEach((column, index) -> indexOf[column.ordinal()] = index);
    this.extraIndexes = extraIndexes.stream().mapToInt(Integer::intValue).toArray();
    this.extraNames = extraNames.toArray(String[]::new);
  }

  /**
   * Binds {@code names} (the header row) to columns.
   *
   * @throws InvalidSourceException for a repeated, missing or misspelled column
   */
  static CsvHeader bind(List<String> names, Set<String> allowedExtraColumns) {
    Map<CsvColumn, Integer> bound = new EnumMap<>(CsvColumn.class);
    Map<String, Integer> seen = new HashMap<>();
    List<Integer> extraIndexes = new ArrayList<>();
    List<String> extraNames = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      String key = name.toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new InvalidSourceException("header column " + (i + 1) + " has no name");
      }
      Integer earlier = seen.putIfAbsent(key, i);
      if (earlier != null) {
        throw new InvalidSourceException("header column '" + name + "' appears twice (columns "
            + (earlier + 1) + " and " + (i + 1) + ")");
      }
      CsvColumn column = column(key);
      if (column != null) {
        bound.put(column, i);
      } else {
        extraIndexes.add(i);
        extraNames.add(name);
      }
    }
    for (String name : extraNames) {
      checkNotMisspelt(name, allowedExtraColumns);
    }
    checkRequired(bound, extraNames);
    for (String name : extraNames) {
      checkAttributeName(name);
    }
    return new CsvHeader(names.size(), bound, extraIndexes, extraNames);
  }

  private static void checkNotMisspelt(String name, Set<String> allowed) {
    String key = name.toLowerCase(Locale.ROOT);
    CsvColumn near = allowed.contains(key) ? null : nearest(key);
    if (near != null) {
      throw new InvalidSourceException("header column '" + name + "' looks like a misspelling of '"
          + near.header() + "'; rename it, or allow it as an attribute column");
    }
  }

  private static void checkAttributeName(String name) {
    if (!ATTRIBUTE_KEY.matcher(name).matches()) {
      throw new InvalidSourceException("header column '" + name + "' is not a valid attribute name: "
          + "1 to 64 characters of letters, digits, '_', '.', '-'");
    }
  }

  private static void checkRequired(Map<CsvColumn, Integer> bound, List<String> extraNames) {
    List<String> missing = new ArrayList<>();
    for (CsvColumn column : REQUIRED) {
      if (!bound.containsKey(column)) {
        missing.add("'" + column.header() + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidSourceException("header is missing required column(s) " + String.join(", ", missing)
          + "; found " + extraNames + " besides the known columns; expected at least "
          + "customer_id, timestamp, type and channel (or utm_source / utm_medium / referrer)");
    }
    if (CHANNEL_SOURCES.stream().noneMatch(bound::containsKey)) {
      throw new InvalidSourceException("header has neither a 'channel' column nor any of 'utm_source', "
          + "'utm_medium', 'referrer' to classify the channel from");
    }
  }

  private static @Nullable CsvColumn column(String key) {
    for (CsvColumn column : CsvColumn.values()) {
      if (column.header().equals(key)) {
        return column;
      }
    }
    return null;
  }

  /**
   * The known column {@code key} is probably a misspelling of: within edit distance 2 of a column name
   * of six or more characters, or 1 of a shorter one.
   */
  private static @Nullable CsvColumn nearest(String key) {
    for (CsvColumn column : CsvColumn.values()) {
      int allowed = column.header().length() >= 6 ? MAX_TYPO_DISTANCE : 1;
      if (editDistance(key, column.header()) <= allowed) {
        return column;
      }
    }
    return null;
  }

  /** Levenshtein distance; header names are short, so the quadratic table is fine. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  int size() {
    return size;
  }

  /** The name of each field as rejections show it: a known column's name, an attribute column as written. */
  List<String> columnNames() {
    String[] names = new String[size];
    for (CsvColumn column : CsvColumn.values()) {
      if (index(column) >= 0) {
        names[index(column)] = column.header();
      }
    }
    for (int i = 0; i < extraIndexes.length; i++) {
      names[extraIndexes[i]] = extraNames[i];
    }
    return List.of(names);
  }

  /** The field index of {@code column}, or -1 if the header lacks it. */
  int index(CsvColumn column) {
    return indexOf[column.ordinal()];
  }

  int[] extraIndexes() {
    return extraIndexes;
  }

  String[] extraNames() {
    return extraNames;
  }
}
