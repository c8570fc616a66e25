package org.engagement.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reading sample files: through an opener the test supplies, and through an anchor class. */
class ContractSampleResourceTest {
  private static final String CLICK = "customer_id,timestamp,type\ncust-1,2024-03-01T10:15:30Z,click\n";

  @Test
  void readsWhatTheOpenerOpensAndClosesIt() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    ContractSample.ResourceOpener opener = name -> new FilterInputStream(
        getClass().getResourceAsStream(name)) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    assertThat(new String(ContractSample.resource(opener, "one-click.csv"), UTF_8)).isEqualTo(CLICK);
    assertThat(closed).isTrue();
  }

  @Test
  void aModuleRelativeOpenerTakesAbsoluteNames() throws IOException {
    ContractSample.ResourceOpener opener = getClass().getModule()::getResourceAsStream;
    assertThat(new String(ContractSample.resource(opener, "org/engagement/testkit/one-click.csv"), UTF_8))
        .isEqualTo(CLICK);
  }

  @Test
  void anOpenerThatFindsNothingIsAMissingFile() {
    assertThatThrownBy(() -> ContractSample.resource(name -> (InputStream) null, "nowhere.csv"))
        .isInstanceOf(FileNotFoundException.class).hasMessageContaining("'nowhere.csv'");
  }

  @Test
  void theAnchorFormReadsResourcesBesideTheAnchor() throws IOException {
    assertThat(new String(ContractSample.resource(getClass(), "one-click.csv"), UTF_8)).isEqualTo(CLICK);
    assertThat(new String(ContractSample.resource(getClass(), "/org/engagement/testkit/one-click.csv"), UTF_8))
        .isEqualTo(CLICK);
  }

  @Test
  void theAnchorFormNamesTheMissingResourceAndTheAnchor() {
    assertThatThrownBy(() -> ContractSample.resource(getClass(), "nowhere.csv"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("no class-path resource 'nowhere.csv' relative to " + getClass().getName());
  }
}
