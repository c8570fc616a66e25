package org.engagement.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValueTier;
import org.junit.jupiter.api.Test;

/** The entry point reaches import, scoring, profiles, purchases and tiers from one class. */
class EngagementTest {
  private static final String CSV = "customer_id,timestamp,type,channel,channel_group,value,currency,source_id\n"
      + "a,2024-01-05T10:00:00Z,click,email,email,,,1\n"
      + "a,2024-01-12T10:00:00Z,purchase,shop,direct,100,EUR,2\n"
      + "b,2024-01-08T10:00:00Z,like,social,organic_social,,,3\n"
      + "b,2024-02-03T10:00:00Z,purchase,shop,direct,300,EUR,4\n"
      + "c,2024-02-10T10:00:00Z,impression,social,organic_social,,,5\n"
      + "d,not a time,click,email,email,,,6\n";
  private static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  @Test
  void aFirstProgramNeedsOnlyTheEntryPointAndTheDomainModel() throws Exception {
    List<Interaction> interactions = new ArrayList<>();
    ImportReport report = Engagement.importer().run(Engagement.csv(),
        new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), interactions::add);

    assertThat(report.read()).isEqualTo(6);
    assertThat(report.accepted()).isEqualTo(5);
    assertThat(report.rejected()).isEqualTo(1);

    List<CustomerProfile> profiles = Engagement.profiles().profiles(interactions, AS_OF);
    assertThat(profiles).extracting(p -> p.customer().id()).containsExactly("a", "b", "c");
    assertThat(profiles.get(1).metrics()).containsEntry(MetricNames.VALUE, 300.0);

    assertThat(Engagement.purchases(interactions).buyers()).hasSize(2);
    Map<String, ValueTier> tiers = Engagement.valueTiers(profiles).assign(profiles);
    assertThat(tiers).containsOnlyKeys("a", "b", "c");

    assertThat(Engagement.scorer()).isEqualTo(EngagementScorer.defaults());
    assertThat(Engagement.scores().addAll(interactions).customerIds()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(Engagement.adapters().names()).contains(Engagement.csv().name());
  }
}
