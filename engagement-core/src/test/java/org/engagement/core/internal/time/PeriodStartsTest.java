package org.engagement.core.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.engagement.core.engagement.Granularity;
import org.junit.jupiter.api.Test;

/** {@link PeriodStarts} gives what {@code granularity.periodStart(LocalDate.ofInstant(instant, zone))} gives. */
class PeriodStartsTest {
  private static final ZoneId[] ZONES = {
    ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(-18),
    ZoneOffset.ofHours(18), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Pacific/Apia")
  };

  @Test
  void equalsTheDateOfTheInstantInItsZoneOnRandomInstants() {
    SplittableRandom random = new SplittableRandom(16);
    for (Granularity granularity : Granularity.values()) {
      for (ZoneId zone : ZONES) {
        PeriodStarts periods = new PeriodStarts(granularity, zone);
        for (int i = 0; i < 20_000; i++) {
          // mostly a few years around now, so that days repeat and slots are reused; some from the far past and
          // future, some on either side of midnight
          long second = switch (i % 4) {
            case 0 -> random.nextLong(-62_000_000_000L, 250_000_000_000L);
            case 1 -> random.nextLong(1_700_000_000L, 1_760_000_000L) / 86_400 * 86_400 + random.nextInt(-2, 2);
            default -> random.nextLong(1_700_000_000L, 1_760_000_000L);
          };
          Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));

          assertThat(periods.of(instant)).as("%s %s %s", granularity, zone, instant)
              .isEqualTo(granularity.periodStart(LocalDate.ofInstant(instant, zone)));
        }
      }
    }
  }

  @Test
  void aDayOneSlotApartIsNotTakenForTheRememberedOne() {
    PeriodStarts periods = new PeriodStarts(Granularity.DAY, ZoneOffset.UTC);
    Instant day = Instant.parse("2025-03-01T12:00:00Z");

    assertThat(periods.of(day)).isEqualTo(LocalDate.parse("2025-03-01"));
    assertThat(periods.of(day.plusSeconds(1024 * 86_400L))).isEqualTo(LocalDate.parse("2025-03-01").plusDays(1024));
    assertThat(periods.of(day)).isEqualTo(LocalDate.parse("2025-03-01"));
  }

  @Test
  void aMomentBeforeMidnightBelongsToTheDayBeforeInAZoneWestOfUtc() {
    PeriodStarts months = new PeriodStarts(Granularity.MONTH, ZoneOffset.ofHours(-5));

    assertThat(months.of(Instant.parse("2025-03-01T04:59:59.999999999Z"))).isEqualTo(LocalDate.parse("2025-02-01"));
    assertThat(months.of(Instant.parse("2025-03-01T05:00:00Z"))).isEqualTo(LocalDate.parse("2025-03-01"));
  }
}
