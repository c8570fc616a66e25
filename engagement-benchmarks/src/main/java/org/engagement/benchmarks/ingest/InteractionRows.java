package org.engagement.benchmarks.ingest;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the rows of a generated interactions CSV, one at a time, from a seeded random source. Values
 * never contain a comma, quote or line break, so no field needs quoting. Not thread-safe.
 */
final class InteractionRows {
  /** The type id, its direction when a row spells it out, and its weight per thousand rows. */
  private static final List<Type> TYPES = List.of(
      new Type("impression", "outbound", 420),
      new Type("visit", "inbound", 230),
      new Type("click", "inbound", 200),
      new Type("open", "inbound", 50),
      new Type("like", "inbound", 30),
      new Type("share", "inbound", 10),
      new Type("reply", "inbound", 10),
      new Type("subscribe", "inbound", 10),
      new Type("lead", "inbound", 10),
      new Type("purchase", "inbound", 30));
  private static final int TYPE_WEIGHT = TYPES.stream().mapToInt(Type::weight).sum();
  private static final String[] DEVICES = {"web", "web", "web", "web", "ios", "ios", "android", "android", "tv", ""};
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SplittableRandom random;
  private final long idSalt;
  private final int customers;
  private final StringBuilder row = new StringBuilder(256);
  private long rowNumber;

  InteractionRows(long seed, int customers) {
    this.random = new SplittableRandom(seed);
    this.idSalt = mix(seed);
    this.customers = customers;
  }

  /** The next row, without line end; the returned builder is reused by the following call. */
  CharSequence next() {
    row.setLength(0);
    appendCustomer();
    row.append(',');
    TimestampText.append(row, random);
    Type type = type(random.nextInt(TYPE_WEIGHT));
    row.append(',').append(type.id()).append(',');
    if (random.nextInt(10) == 0) {
      row.append(type.direction());
    }
    row.append(',');
    Touchpoints.appendTouch(row, random);
    row.append(',');
    if (type.id().equals("purchase")) {
      appendValue();
    } else {
      row.append(',');
    }
    row.append(',');
    appendSourceId(rowNumber++);
    row.append(',').append(DEVICES[random.nextInt(DEVICES.length)]);
    return row;
  }

  /** Customers are unevenly active: the square of a uniform draw favours the low-numbered ones. */
  private void appendCustomer() {
    double u = random.nextDouble();
    int customer = (int) (u * u * customers);
    String digits = Integer.toString(customer);
    row.append("cust-");
    for (int i = digits.length(); i < 6; i++) {
      row.append('0');
    }
    row.append(digits);
  }

  /** The value and currency columns of a purchase: cents for EUR, USD and GBP, whole yen for JPY. */
  private void appendValue() {
    int currency = random.nextInt(20);
    if (currency == 0) {
      row.append(500 + random.nextInt(49_500)).append(",JPY");
      return;
    }
    int cents = 500 + random.nextInt(49_500);
    row.append(cents / 100).append('.');
    if (cents % 100 < 10) {
      row.append('0');
    }
    row.append(cents % 100).append(currency < 11 ? ",EUR" : currency < 18 ? ",USD" : ",GBP");
  }

  /** A unique, random-looking id: a bijective mix of the row number, as 16 hex digits. */
  private void appendSourceId(long number) {
    long id = mix(number ^ idSalt);
    row.append("evt-");
    for (int shift = 60; shift >= 0; shift -= 4) {
      row.append(HEX[(int) (id >>> shift) & 0xF]);
    }
  }

  /** The SplitMix64 finaliser: a bijection on {@code long}, so distinct inputs give distinct ids. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Type type(int draw) {
    int remaining = draw;
    for (Type type : TYPES) {
      remaining -= type.weight();
      if (remaining < 0) {
        return type;
      }
    }
    throw new AssertionError("draw " + draw + " is not below the total weight " + TYPE_WEIGHT);
  }

  /** An interaction type as rows name it. */
  private record Type(String id, String direction, int weight) {}
}
