package org.engagement.integration.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import org.engagement.testkit.ContractSample;
import org.junit.jupiter.api.Test;

/**
 * Why the testkit takes an opener: this module's resources in a package are encapsulated, and
 * {@link Class#getResourceAsStream} asks on behalf of its caller. Asked by the kit, it finds nothing; asked
 * through this class's own method reference, it finds the file.
 */
class SampleEncapsulationTest {

  @Test
  void theKitCannotReadThisModulesResourcesThroughAnAnchorClass() {
    assertThat(getClass().getResourceAsStream("valid.psv")).as("read by this module itself").isNotNull();
    assertThatThrownBy(() -> ContractSample.resource(getClass(), "valid.psv"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("is in module org.engagement.integration")
        .hasMessageContaining("ContractSample.resource(getClass()::getResourceAsStream, \"valid.psv\")");
  }

  @Test
  void theKitReadsThemThroughAnOpenerFromThisModule() throws IOException {
    byte[] sample = ContractSample.resource(getClass()::getResourceAsStream, "valid.psv");
    assertThat(new String(sample, UTF_8)).startsWith("cust-1|2024-03-01T10:15:30Z|like|mastodon|ev-1\n");
  }
}
