package org.engagement.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.junit.jupiter.api.Test;

class SegmentTest {
  private static final CustomerProfile ANNA = profile("anna", "DE", 1200.0);
  private static final CustomerProfile BOB = profile("bob", "FR", 90.0);
  private static final CustomerProfile CAROL = new CustomerProfile(Customer.of("carol", Instant.EPOCH), Map.of());

  private static CustomerProfile profile(String id, String country, double value) {
    Customer c = new Customer(id, Instant.EPOCH, Attributes.of("country", country));
    return new CustomerProfile(c, Map.of("value", value));
  }

  @Test
  void composesAndSaysHowItWasMade() {
    Segment german = Segment.attributeEquals("country", "DE");
    Segment highValue = Segment.metricAtLeast("value", 1000).named("high value");
    Segment segment = highValue.and(german.not()).or(Segment.metricBelow("value", 100));

    assertThat(segment.name()).isEqualTo("((high value AND NOT country = DE) OR value < 100.0)");
    assertThat(segment.test(ANNA)).isFalse();
    assertThat(segment.test(BOB)).isTrue();
    assertThat(highValue.and(german).test(ANNA)).isTrue();
  }

  @Test
  void aProfileWithoutTheMetricOrAttributeIsNotAMember() {
    assertThat(Segment.metricAtLeast("value", 0).test(CAROL)).isFalse();
    assertThat(Segment.metricBelow("value", 1e9).test(CAROL)).isFalse();
    assertThat(Segment.attributeEquals("country", "DE").test(CAROL)).isFalse();
    assertThat(Segment.everyone().test(CAROL)).isTrue();
  }

  @Test
  void refusesBadNamesAndThresholds() {
    assertThatThrownBy(() -> Segment.of(" ", p -> true)).hasMessageStartingWith("segment name ' '");
    assertThatThrownBy(() -> Segment.metricAtLeast("value", Double.NaN)).hasMessageStartingWith("threshold 'NaN'");
    assertThatThrownBy(() -> new CustomerProfile(Customer.of("x", Instant.EPOCH), Map.of("v", Double.POSITIVE_INFINITY)))
        .hasMessageStartingWith("metric v 'Infinity'");
  }
}
