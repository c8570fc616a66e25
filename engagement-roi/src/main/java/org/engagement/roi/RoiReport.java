package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A relationship-ROI report: one line per channel, one per owner, and the total, over a window of
 * months in one currency: every line's cost must be in the report's currency, so no figure mixes
 * currencies. Immutable and thread-safe.
 *
 * @param calculator the name of the calculator that made it
 * @param currency the currency of every amount
 * @param firstMonth the window's first month
 * @param lastMonth the window's last month (included)
 * @param channels one line per channel, in name order
 * @param owners one line per owner of costs, in name order; an owner's rewards are their share of the
 *     rewards of the channels they spent on, in proportion to their share of each channel's cost
 * @param total every channel together
 * @since 0.1.0
 */
public record RoiReport(
    String calculator,
    Currency currency,
    YearMonth firstMonth,
    YearMonth lastMonth,
    List<RoiLine> channels,
    List<RoiLine> owners,
    RoiLine total) {

  /**
   * Copies the lists and checks the currencies.
   *
   * @throws InvalidFieldException if a line's cost is in another currency, or the last month is before the
   *     first
   */
  public RoiReport {
    requireNonNull(calculator, "calculator");
    requireNonNull(currency, "currency");
    requireNonNull(firstMonth, "firstMonth");
    requireNonNull(lastMonth, "lastMonth");
    requireNonNull(total, "total");
    channels = List.copyOf(channels);
    owners = List.copyOf(owners);
    if (lastMonth.isBefore(firstMonth)) {
      throw new InvalidFieldException("lastMonth", lastMonth, "must not be before firstMonth " + firstMonth);
    }
    requireCurrency(channels, currency);
    requireCurrency(owners, currency);
    requireCurrency(List.of(total), currency);
  }

  private static void requireCurrency(List<RoiLine> lines, Currency currency) {
    for (RoiLine line : lines) {
      if (!line.currency().equals(currency)) {
        throw new InvalidFieldException("currency of " + line.key(), line.currency().getCurrencyCode(),
            "must be the report's " + currency.getCurrencyCode());
      }
    }
  }

  /** The line of the channel called {@code name}, if it has one. */
  public Optional<RoiLine> channel(String name) {
    return channels.stream().filter(line -> line.key().equals(name)).findFirst();
  }

  /** The line of the owner called {@code name}, if they have one. */
  public Optional<RoiLine> owner(String name) {
    return owners.stream().filter(line -> line.key().equals(name)).findFirst();
  }
}
