/**
 * JMH benchmarks of the customer-lifetime-value models: BG/NBD fits on the CDNOW sample and on a million
 * simulated customers, and bulk predictions (conditional expectation, probability alive, lifetime value)
 * for a million customers, with the seeded BG/NBD simulator they run on.
 */
@NullMarked
package org.engagement.benchmarks.clv;

import org.jspecify.annotations.NullMarked;
