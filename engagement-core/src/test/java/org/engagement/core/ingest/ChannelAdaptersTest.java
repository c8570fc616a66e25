package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.UnknownChannelPolicy;
import org.junit.jupiter.api.Test;

class ChannelAdaptersTest {

  @Test
  void discoversTheBuiltInCsvAdapter() {
    ChannelAdapters adapters = ChannelAdapters.builder().discover().build();
    assertThat(adapters.names()).contains("csv");
    assertThat(adapters.get("csv")).isInstanceOf(CsvInteractionAdapter.class);
    assertThat(adapters.discoveryFailures())
        .as("the badly named provider listed in the test resources is skipped, not fatal").isEqualTo(1);
  }

  @Test
  void explicitRegistrationReplacesADiscoveredAdapter() {
    CsvInteractionAdapter strict = CsvInteractionAdapter.builder().unknownChannels(UnknownChannelPolicy.REJECT).build();
    ChannelAdapters adapters = ChannelAdapters.builder().discover().register(strict).build();
    assertThat(adapters.get("csv")).isSameAs(strict);
  }

  @Test
  void failsFastOnTwoExplicitAdaptersWithOneName() {
    ChannelAdapters.Builder builder = ChannelAdapters.builder().register(new CsvInteractionAdapter());
    assertThatThrownBy(() -> builder.register(new CsvInteractionAdapter()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'csv' is already registered");
  }

  @Test
  void refusesBadNamesAndListsTheAvailableOnes() {
    assertThatThrownBy(() -> ChannelAdapters.builder().register(TestAdapters.scripted("Bad Name", List.of())))
        .hasMessageStartingWith("adapter name 'Bad Name'");
    ChannelAdapters adapters = ChannelAdapters.builder().discover().build();
    assertThatThrownBy(() -> adapters.get("xml"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("available: [csv");
    assertThat(adapters.find("xml")).isEmpty();
  }

  /** Listed in the test resources' service file to show that a bad provider is skipped. */
  public static final class BadlyNamedAdapter implements ChannelAdapter {
    @Override
    public String name() {
      return "Not A Valid Name";
    }

    @Override
    public RecordReader open(java.io.InputStream input) {
      throw new UnsupportedOperationException("never opened");
    }
  }
}
