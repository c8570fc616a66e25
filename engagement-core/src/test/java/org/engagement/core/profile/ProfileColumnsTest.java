package org.engagement.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.junit.jupiter.api.Test;

/** Profiles kept by column read back equal to the profiles added, their metrics in the same order. */
class ProfileColumnsTest {

  @Test
  void readBackEqualWithMetricsInTheirOrder() {
    List<CustomerProfile> added = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (i % 3 == 0) {
        metrics.put("zeta", i * 0.5);
      }
      metrics.put("value", (double) i);
      metrics.put("engagement", -i / 7.0);
      if (i % 5 == 0) {
        metrics.put("alpha", Math.PI * i);
      }
      added.add(new CustomerProfile(Customer.of("c" + i, Instant.ofEpochSecond(1_700_000_000L + i, (i % 2) * 999L)),
          i % 2 == 0 ? metrics : new HashMap<>(metrics)));
    }
    ProfileColumns.Builder builder = ProfileColumns.builder();
    added.forEach(builder::add);
    ProfileColumns columns = builder.build();

    assertThat(columns).hasSize(added.size()).isEqualTo(added);
    for (int i = 0; i < added.size(); i++) {
      assertThat(List.copyOf(columns.get(i).metrics().keySet()))
          .containsExactlyElementsOf(added.get(i).metrics().keySet());
      assertThat(columns.get(i).customer().firstSeen()).isEqualTo(added.get(i).customer().firstSeen());
    }
    assertThatThrownBy(() -> columns.get(added.size())).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void customersWithAttributesAreRefused() {
    CustomerProfile withAttributes = CustomerProfile.of(
        new Customer("a", Instant.EPOCH, Attributes.of("plan", "gold")));

    assertThatThrownBy(() -> ProfileColumns.builder().add(withAttributes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributes");
  }
}
