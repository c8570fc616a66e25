package org.engagement.attribution.journey;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.engagement.core.domain.InteractionType;
import org.jspecify.annotations.Nullable;

/**
 * The serialised form of {@link Journeys}: channel names and interaction type names once, then primitive
 * columns (touch channel ids, times and type indices; journey offsets, ends, flags and values). Type
 * indices refer to the names written with them, not to enum ordinals, so the form survives a reordering of
 * {@link InteractionType}. Reading checks that the columns fit together and rebuilds the journeys through
 * their builder.
 */
final class JourneysForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] channels;
  private final String[] types;
  private final String[] customers;
  private final int[] offsets;
  private final int[] touches;
  private final long[] touchMillis;
  private final byte[] touchTypes;
  private final long[] endMillis;
  private final boolean[] converted;
  private final double[] values;
  private final @Nullable String currency;
  private final double untouchedConversions;
  private final BigDecimal untouchedValue;
  private final @Nullable Instant asOf;
  // Counts set aside; a stream written before they existed reads them as 0.
  private final long afterAsOf;
  private final long otherTypes;
  private final long outsideLookback;
  private final long collapsedRepeats;

  JourneysForm(String[] channels, String[] customers, int[] offsets, int[] touches, long[] touchMillis,
      byte[] touchTypes, long[] endMillis, boolean[] converted, double[] values, @Nullable Currency currency,
      double untouchedConversions, BigDecimal untouchedValue, SetAside setAside, @Nullable Instant asOf) {
    InteractionType[] all = InteractionType.values();
    this.types = new String[all.length];
    for (int t = 0; t < all.length; t++) {
      types[t] = all[t].name();
    }
    this.channels = channels;
    this.customers = customers;
    this.offsets = offsets;
    this.touches = touches;
    this.touchMillis = touchMillis;
    this.touchTypes = touchTypes;
    this.endMillis = endMillis;
    this.converted = converted;
    this.values = values;
    this.currency = currency == null ? null : currency.getCurrencyCode();
    this.untouchedConversions = untouchedConversions;
    this.untouchedValue = untouchedValue;
    this.asOf = asOf;
    this.afterAsOf = setAside.afterAsOf();
    this.otherTypes = setAside.otherTypes();
    this.outsideLookback = setAside.outsideLookback();
    this.collapsedRepeats = setAside.collapsedRepeats();
  }

  private Object readResolve() throws ObjectStreamException {
    try {
      checkLengths();
      InteractionType[] typeOf = new InteractionType[types.length];
      for (int t = 0; t < types.length; t++) {
        typeOf[t] = InteractionType.valueOf(types[t]);
      }
      Journeys.Builder builder = new Journeys.Builder(asOf);
      for (String channel : channels) {
        builder.intern(channel);
      }
      builder.currency(currency == null ? null : Currency.getInstance(currency));
      builder.untouched(untouchedConversions, untouchedValue);
      builder.setAside(new SetAside(afterAsOf, otherTypes, outsideLookback, collapsedRepeats));
      for (int j = 0; j < customers.length; j++) {
        for (int i = offsets[j]; i < offsets[j + 1]; i++) {
          if (touches[i] < 0 || touches[i] >= channels.length) {
            throw new InvalidObjectException("touch " + i + " refers to no channel");
          }
          builder.touch(touches[i], touchMillis[i], typeOf[touchTypes[i]]);
        }
        builder.endJourney(customers[j], endMillis[j], converted[j], values[j]);
      }
      return builder.build();
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
      InvalidObjectException invalid = new InvalidObjectException("journeys break a rule: " + e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
  }

  private void checkLengths() throws InvalidObjectException {
    int n = customers.length;
    int t = touches.length;
    boolean fits = offsets.length == n + 1 && offsets[0] == 0 && offsets[n] == t && touchMillis.length == t
        && touchTypes.length == t && endMillis.length == n && converted.length == n && values.length == n;
    for (int j = 0; fits && j < n; j++) {
      fits = offsets[j] <= offsets[j + 1];
    }
    if (!fits) {
      throw new InvalidObjectException("journey columns of inconsistent lengths");
    }
  }
}
