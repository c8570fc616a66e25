/** JMH benchmarks of multi-touch attribution and the seeded journey generator they run on. */
@NullMarked
package org.engagement.benchmarks.attribution;

import org.jspecify.annotations.NullMarked;
