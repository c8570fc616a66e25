/**
 * The contract tests for {@link org.engagement.core.ingest.ChannelAdapter}s: extend
 * {@link org.engagement.testkit.ChannelAdapterContractTest} with a few lines to check an adapter against
 * every rule of the SPI, including damaged input and concurrent use.
 *
 * <pre>{@code
 * class AcmeAdapterContractTest extends ChannelAdapterContractTest {
 *   protected ChannelAdapter adapter() {
 *     return new AcmeAdapter();
 *   }
 *
 *   protected ContractSample sample() throws IOException {
 *     return ContractSample.of(ContractSample.resource(getClass()::getResourceAsStream, "/acme/valid.csv"),
 *         List.of(first, second));
 *   }
 * }
 * }</pre>
 *
 * <p>{@link org.engagement.testkit.ImportReportAssert} offers AssertJ assertions on import reports for an
 * adapter's own tests.
 */
@NullMarked
package org.engagement.testkit;

import org.jspecify.annotations.NullMarked;
