package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-03-01T10:15:30Z|2024-03-01T10:15:30Z",
      "2024-03-01T11:15:30+01:00|2024-03-01T10:15:30Z",
      "2024-03-01T05:45:30-04:30|2024-03-01T10:15:30Z",
      "2024-03-01T10:15:30.5Z|2024-03-01T10:15:30.500Z",
      "2024-03-01T10:15:30.123456789Z|2024-03-01T10:15:30.123456789Z",
      "' 2024-03-01T10:15:30Z '|2024-03-01T10:15:30Z",
      "2024-02-29T23:59:59Z|2024-02-29T23:59:59Z",
      "2024-03-01T11:15:30+01:00[Europe/Paris]|2024-03-01T10:15:30Z",
      "2024-03-01T10:15Z|2024-03-01T10:15:00Z",
      "1969-12-31T23:59:59Z|1969-12-31T23:59:59Z",
  })
  void parsesDateTimesWithAnOffsetOrZone(String text, String expected) {
    assertThat(Timestamps.parseInstant("timestamp", text)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void refusesLocalTimesAsAmbiguous() {
    assertThatThrownBy(() -> Timestamps.parseInstant("timestamp", "2024-03-01T10:15:30"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("timestamp '2024-03-01T10:15:30' is invalid: has no zone offset");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-01", "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-03-01T24:00:00Z",
      "2024-03-01 10:15:30Z", "yesterday", "", "2024-03-01T10:15:30+25:00",
      "1709288130", "2024-03-01T10:15:30.1234567891Z"})
  void refusesAnythingElseWithTheExpectedForm(String text) {
    assertThatThrownBy(() -> Timestamps.parseInstant("ts", text))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("such as 2024-03-01T10:15:30Z");
  }

  @Property(tries = 500)
  void fastPathAgreesWithJavaTime(
      @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
    OffsetDateTime time = Instant.ofEpochSecond(epochSecond, nanos).atOffset(offset);
    assertThat(Timestamps.parseInstant("t", time.toString())).isEqualTo(time.toInstant());
  }
}
