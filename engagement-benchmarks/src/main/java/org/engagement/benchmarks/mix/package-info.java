/** JMH benchmarks of the marketing mix model: the fit and the budget optimiser. */
@NullMarked
package org.engagement.benchmarks.mix;

import org.jspecify.annotations.NullMarked;
